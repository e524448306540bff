import { DAY, type HubConfig } from '@appg-hub/core'
import { DEFAULT_DATABASE_URL } from '@appg-hub/db'

/** Every environment variable the Node server reads, with its default (README "Configuration"). */
export interface NodeSettings {
  databaseUrl: string
  host: string
  port: number
  config: HubConfig
  headersTimeoutMs: number
  requestTimeoutMs: number
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
    headersTimeoutMs: Number(env.HEADERS_TIMEOUT_SECONDS ?? 20) * 1000,
    requestTimeoutMs: Number(env.REQUEST_TIMEOUT_SECONDS ?? 60) * 1000,
    config: {
      publicUrl,
      demoMode: (env.DEMO_MODE ?? 'true') !== 'false',
      groupInviteTtlMs: Number(env.GROUP_INVITE_TTL_DAYS ?? 7) * DAY,
      handshakeTtlMs: Number(env.HANDSHAKE_TTL_DAYS ?? 14) * DAY,
      maxBatchSize: Number(env.MAX_BATCH_SIZE ?? 10),
      maxBodyBytes: Number(env.MAX_BODY_KB ?? 1024) * 1024,
      allowedHosts: (env.ALLOWED_HOSTS ?? '')
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean),
    },
  }
}
