/**
 * Where the bytes of attached files live: a folder on disk on Node, an R2 bucket on Workers. The
 * database holds the metadata; the store knows only keys and streams, so uploads and downloads
 * never hold a whole file in memory.
 */
export interface FileStore {
  /** Writes the stream under `key`; `size` is the length the stream will have (R2 needs it). */
  put(key: string, body: ReadableStream<Uint8Array>, size: number): Promise<void>
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<ReadableStream<Uint8Array> | null>
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>
}

/** Keys are made by the hub (`attachments/<id>`), never from a file's name. */
export const STORAGE_KEY = /^[a-z]+\/[A-Za-z0-9_-]{1,64}$/

export function assertStorageKey(key: string): void {
  if (!STORAGE_KEY.test(key)) throw new Error(`Not a storage key: ${key}`)
}
