import type { HubConfig } from '../context'

export const DEFAULT_COLLAB_IDLE_SAVE_MS = 30_000
export const DEFAULT_COLLAB_ACCESS_CHECK_MS = 3_000

export function collabTimings(config: HubConfig): { idleSaveMs: number; accessCheckMs: number } {
  return {
    idleSaveMs: config.collabIdleSaveMs ?? DEFAULT_COLLAB_IDLE_SAVE_MS,
    accessCheckMs: config.collabAccessCheckMs ?? DEFAULT_COLLAB_ACCESS_CHECK_MS,
  }
}
