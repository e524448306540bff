import type { Db, PersonKind } from '@appg-hub/db'
import type { PasswordCost } from './auth/password'
import type { Clock } from './clock'

/** The signed-in person a request acts for. */
export interface Actor {
  id: string
  email: string | null
  displayName: string
  kind: PersonKind
  isSiteAdmin: boolean
}

export interface HubConfig {
  /** Where people reach the hub, for links in emails (`https://hub.example.org`). */
  publicUrl: string
  /** Demo mode shows the demo accounts on the sign-in page and the development mailbox. */
  demoMode: boolean
  passwordCost?: PasswordCost
  /** How long a group invitation link stays valid. */
  groupInviteTtlMs: number
  /** How long an invitation between groups (the handshake) waits for an answer: 14 days by default. */
  handshakeTtlMs: number
  /** Largest attached file, in MB (`MAX_UPLOAD_MB`, 25 by default). */
  maxUploadMb?: number
  /** Storage for each group's files, in MB (`GROUP_QUOTA_MB`, 1024 by default). */
  groupQuotaMb?: number
  /** Most calls in one tRPC batch (default 10, `MAX_BATCH_SIZE`). */
  maxBatchSize?: number
  /** Largest request body in bytes (default 1 MB, `MAX_BODY_BYTES`); documents have their own. */
  maxBodyBytes?: number
  /** Host names (and `host:port`) accepted besides PUBLIC_URL's (`ALLOWED_HOSTS`); `*` accepts any. */
  allowedHosts?: string[]
  /** Live editing: quiet time after the last edit before a revision is written (30 s by default). */
  collabIdleSaveMs?: number
  /** Live editing: how often each connection's access is checked again (3 s by default). */
  collabAccessCheckMs?: number
}

/** What every domain service is given. */
export interface ServiceContext {
  db: Db
  clock: Clock
  config: HubConfig
  actor: Actor | null
}
