import type { Db } from '@appg-hub/db'
import type { Clock } from '../clock'
import type { HubConfig } from '../context'
import type { MessageLimit } from './message-budget'
import type { CollabStore } from './store'

export const DEFAULT_COLLAB_IDLE_SAVE_MS = 30_000
export const DEFAULT_COLLAB_ACCESS_CHECK_MS = 3_000

export function collabTimings(config: HubConfig): { idleSaveMs: number; accessCheckMs: number } {
  return {
    idleSaveMs: config.collabIdleSaveMs ?? DEFAULT_COLLAB_IDLE_SAVE_MS,
    accessCheckMs: config.collabAccessCheckMs ?? DEFAULT_COLLAB_ACCESS_CHECK_MS,
  }
}

/** What a live document's room is given: where it reads and writes, and its timings and limits. */
export interface RoomOptions {
  db: Db
  clock: Clock
  config: HubConfig
  store: CollabStore
  /** Quiet time after the last edit before a revision is written. */
  idleSaveMs: number
  /** How often each person's access is checked again (and revisions saved by others are merged). */
  accessCheckMs: number
  /**
   * A write from someone whose access was checked longer ago than this re-checks it first
   * (default: twice accessCheckMs, so that writes wait only when the periodic check falls a whole
   * round behind, not while each round's queries are under way).
   */
  writeRecheckMs?: number
  /** Log entries kept before the state is compacted. */
  compactEvery?: number
  /** What one connection may send (default DEFAULT_MESSAGE_LIMIT); beyond it, it is closed. */
  messageLimit?: MessageLimit
  onError?: (error: unknown) => void
}
