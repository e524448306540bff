import type { HubConfig } from '../context'

const MB = 1024 * 1024

/** 25 MB unless `MAX_UPLOAD_MB` says otherwise. */
export const DEFAULT_MAX_UPLOAD_MB = 25
/** 1 GB per group unless `GROUP_QUOTA_MB` says otherwise. */
export const DEFAULT_GROUP_QUOTA_MB = 1024

/** A setting in MB as bytes; a missing or nonsensical value (not a positive number) is the default. */
function megabytes(value: number | undefined, fallback: number): number {
  return Math.round((value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback) * MB)
}

export function maxUploadBytes(config: HubConfig): number {
  return megabytes(config.maxUploadMb, DEFAULT_MAX_UPLOAD_MB)
}

export function groupQuotaBytes(config: HubConfig): number {
  return megabytes(config.groupQuotaMb, DEFAULT_GROUP_QUOTA_MB)
}

/** "1.2 MB", for messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < MB) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`
}
