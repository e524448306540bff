/** Demo accounts live at this (reserved, undeliverable) domain; shown on the sign-in page in demo mode only. */
export const DEMO_EMAIL_DOMAIN = 'demo.appg-hub.test'
/** The one password every demo account shares. */
export const DEMO_PASSWORD = 'appg-demo-2026'
