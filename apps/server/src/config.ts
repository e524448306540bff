import { DAY, type HubConfig } from '@appg-hub/core'
import { DEFAULT_DATABASE_URL } from '@appg-hub/db'

/** Every environment variable the Node server reads, with its default (README "Configuration"). */
export interface NodeSettings {
  databaseUrl: string
  host: string
  port: number
  config: HubConfig
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): NodeSettings {
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number (got "${env.PORT}")`)
  const host = env.HOST ?? '127.0.0.1'
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '')
  return {
    databaseUrl: env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    host,
    port,
    config: {
      publicUrl,
      demoMode: (env.DEMO_MODE ?? 'true') !== 'false',
      groupInviteTtlMs: Number(env.GROUP_INVITE_TTL_DAYS ?? 7) * DAY,
      handshakeTtlMs: Number(env.HANDSHAKE_TTL_DAYS ?? 14) * DAY,
      collabIdleSaveMs: Number(env.COLLAB_IDLE_SAVE_SECONDS ?? 30) * 1000,
    },
  }
}
