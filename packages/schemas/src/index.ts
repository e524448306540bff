/**
 * The API's inputs, shared by the server (its tRPC procedures parse them) and the web client (its
 * forms check them before sending): zod only, nothing of the server, so the browser can load it.
 */
export * from './account'
export * from './admin'
export * from './auth'
export * from './common'
export * from './discussion'
export * from './documents'
export * from './groups'
export * from './limits'
export * from './sessions'
export * from './topics'
