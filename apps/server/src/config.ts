import type { HubConfig } from '@appg-hub/core'
import { hubConfigOf, parseSettings, type SettingName, type Settings } from './settings'

/** What the Node server and the command line read from the environment (README "Configuration"). */
export interface NodeSettings {
  databaseUrl: string
  host: string
  port: number
  /** Where attached files are kept (`FILES_DIR`). */
  filesDir: string
  config: HubConfig
  settings: Settings
  headersTimeoutMs: number
  requestTimeoutMs: number
}

/** Reads the environment once (see settings.ts); throws a SettingsError naming any invalid variable. */
export function readSettings(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Record<SettingName, string>> = {},
): NodeSettings {
  const settings = parseSettings(env, overrides)
  return {
    databaseUrl: settings.DATABASE_URL,
    host: settings.HOST,
    port: settings.PORT,
    filesDir: settings.FILES_DIR,
    headersTimeoutMs: settings.HEADERS_TIMEOUT_SECONDS * 1000,
    requestTimeoutMs: settings.REQUEST_TIMEOUT_SECONDS * 1000,
    config: hubConfigOf(settings, `http://localhost:${settings.PORT}`),
    settings,
  }
}
