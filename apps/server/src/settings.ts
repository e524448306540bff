/**
 * Every setting of the hub, read once from the environment by one zod schema, with the same
 * defaults for the Node server, the command line and the Worker. An invalid value refuses to
 * start, naming the variable and what it accepts. README.md's configuration table lists exactly
 * these variables with these defaults (checked by settings.test.ts).
 *
 * No Node-only import here: the Worker bundles this module.
 */
import { DAY, type HubConfig } from '@appg-hub/core'
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from '@appg-hub/db'
import * as z from 'zod'

/** mySociety's latest release of the data package `appg_groups_and_memberships` (README "The Register"). */
export const PUBLISHER_REGISTER_URL =
  'https://pages.mysociety.org/appg-membership/data/appg_groups_and_memberships/latest/'

const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  '1': true,
  yes: true,
  on: true,
  false: false,
  '0': false,
  no: false,
  off: false,
}

const boolean = z.string().transform((value, ctx) => {
  const parsed = BOOLEAN_WORDS[value.toLowerCase()]
  if (parsed === undefined) {
    ctx.addIssue({ code: 'custom', message: 'accepts true or false (also 1/0, yes/no, on/off; any case)' })
    return z.NEVER
  }
  return parsed
})

const wholeNumber = (min: number, max: number, what: string) =>
  z.string().transform((value, ctx) => {
    const n = Number(value)
    if (!/^\d+$/.test(value) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `accepts ${what}, a whole number from ${min} to ${max}` })
      return z.NEVER
    }
    return n
  })

const httpUrl = (what: string) =>
  z.string().transform((value, ctx) => {
    try {
      const url = new URL(value)
      if (url.protocol === 'http:' || url.protocol === 'https:') return value.replace(/\/$/, '')
    } catch {}
    ctx.addIssue({ code: 'custom', message: `accepts ${what}` })
    return z.NEVER
  })

const databaseUrl = z.string().refine(
  (value) => {
    try {
      parseDatabaseUrl(value)
      return true
    } catch {
      return false
    }
  },
  {
    message:
      'accepts sqlite:<path>, mysql://user:password@host:3306/database or planetscale://user:password@host',
  },
)

const smtpUrl = z.string().regex(/^smtps?:\/\/[^\s]+$/, {
  message: 'accepts smtp://user:password@host:587 or smtps://…',
})

const text = z.string()

/** A comma-separated list of host names (or `host:port`), `*` for any. */
const hostList = z.string().transform((value) =>
  value
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean),
)

/**
 * The schema. Each variable is a string as the environment gives it (blank counts as unset);
 * `DEFAULTS` below fills in the unset ones before parsing, so a default is parsed like any value.
 */
export const settingsSchema = z.object({
  DATABASE_URL: databaseUrl,
  PORT: wholeNumber(0, 65535, 'a port number'),
  HOST: text,
  PUBLIC_URL: httpUrl('an http:// or https:// address, e.g. https://hub.example.org').optional(),
  DEMO_MODE: boolean,
  GROUP_INVITE_TTL_DAYS: wholeNumber(1, 365, 'a number of days'),
  HANDSHAKE_TTL_DAYS: wholeNumber(1, 365, 'a number of days'),
  SMTP_URL: smtpUrl.optional(),
  MAIL_FROM: text.optional(),
  REGISTER_DATA_DIR: text.optional(),
  REGISTER_SOURCE_URL: text,
  MYSQL_POOL_SIZE: wholeNumber(1, 1000, 'a number of connections'),
  FILES_DIR: text,
  MAX_UPLOAD_MB: wholeNumber(1, 1024, 'a size in megabytes'),
  GROUP_QUOTA_MB: wholeNumber(1, 1_048_576, 'a size in megabytes'),
  MAX_BATCH_SIZE: wholeNumber(1, 1000, 'a number of calls'),
  MAX_BODY_KB: wholeNumber(1, 1_048_576, 'a size in kilobytes'),
  ALLOWED_HOSTS: hostList.optional(),
  HEADERS_TIMEOUT_SECONDS: wholeNumber(1, 3600, 'a number of seconds'),
  REQUEST_TIMEOUT_SECONDS: wholeNumber(1, 3600, 'a number of seconds'),
  COLLAB_IDLE_SAVE_SECONDS: wholeNumber(1, 3600, 'a number of seconds'),
})

export type SettingName = keyof typeof settingsSchema.shape
export type Settings = z.output<typeof settingsSchema>

/** The defaults, as the environment would spell them; undefined: no default (see the README for what then happens). */
export const DEFAULTS: Record<SettingName, string | undefined> = {
  DATABASE_URL: DEFAULT_DATABASE_URL,
  PORT: '3000',
  HOST: '127.0.0.1',
  PUBLIC_URL: undefined,
  DEMO_MODE: 'false',
  GROUP_INVITE_TTL_DAYS: '7',
  HANDSHAKE_TTL_DAYS: '14',
  SMTP_URL: undefined,
  MAIL_FROM: undefined,
  REGISTER_DATA_DIR: undefined,
  REGISTER_SOURCE_URL: PUBLISHER_REGISTER_URL,
  MYSQL_POOL_SIZE: '10',
  FILES_DIR: './data/files',
  MAX_UPLOAD_MB: '25',
  GROUP_QUOTA_MB: '1024',
  MAX_BATCH_SIZE: '10',
  MAX_BODY_KB: '1024',
  ALLOWED_HOSTS: undefined,
  HEADERS_TIMEOUT_SECONDS: '20',
  REQUEST_TIMEOUT_SECONDS: '60',
  COLLAB_IDLE_SAVE_SECONDS: '30',
}

export const SETTING_NAMES = Object.keys(settingsSchema.shape) as SettingName[]

export class SettingsError extends Error {}

const SECRET = new Set<SettingName>(['DATABASE_URL', 'SMTP_URL'])

/**
 * Reads the settings from an environment (`process.env`, or the Worker's `env`). `overrides`
 * supplies defaults of one command (`start --demo`), used only where the environment is silent.
 */
export function parseSettings(
  env: Record<string, unknown>,
  overrides: Partial<Record<SettingName, string>> = {},
): Settings {
  const raw: Record<string, string | undefined> = {}
  for (const name of SETTING_NAMES) {
    const value = env[name]
    const given = typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
    raw[name] = given ?? overrides[name] ?? DEFAULTS[name]
  }
  const result = settingsSchema.safeParse(raw)
  if (result.success) return result.data
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0]) as SettingName
    // Connection addresses may hold passwords: never repeated in a message or a log.
    const shown = SECRET.has(name) ? '(value not shown)' : JSON.stringify(raw[name] ?? '')
    return `  ${name}=${shown}: ${issue.message}`
  })
  throw new SettingsError(
    `Invalid setting${lines.length === 1 ? '' : 's'}, so the hub does not start:\n${lines.join('\n')}`,
  )
}

/** The domain's configuration; `fallbackUrl` is where the hub is reached when PUBLIC_URL is not set. */
export function hubConfigOf(
  settings: Settings,
  fallbackUrl: string,
  fallbackAllowedHosts: string[] = [],
): HubConfig {
  return {
    publicUrl: (settings.PUBLIC_URL ?? fallbackUrl).replace(/\/$/, ''),
    demoMode: settings.DEMO_MODE,
    groupInviteTtlMs: settings.GROUP_INVITE_TTL_DAYS * DAY,
    handshakeTtlMs: settings.HANDSHAKE_TTL_DAYS * DAY,
    maxUploadMb: settings.MAX_UPLOAD_MB,
    groupQuotaMb: settings.GROUP_QUOTA_MB,
    collabIdleSaveMs: settings.COLLAB_IDLE_SAVE_SECONDS * 1000,
    maxBatchSize: settings.MAX_BATCH_SIZE,
    maxBodyBytes: settings.MAX_BODY_KB * 1024,
    // Without PUBLIC_URL (the Worker answering on whatever names Cloudflare routes to it) any host.
    allowedHosts: settings.ALLOWED_HOSTS ?? (settings.PUBLIC_URL ? [] : fallbackAllowedHosts),
  }
}
