/**
 * The file store on Cloudflare Workers: an R2 bucket (the `FILES` binding in wrangler.toml). R2
 * takes a stream only when its length is known, so uploads pass through a FixedLengthStream of the
 * declared length (which also fails a body that is shorter or longer than it said).
 */
import type { FileStore } from '@appg-hub/core'
import { assertStorageKey } from '@appg-hub/core'

/** The part of Workers' R2Bucket the hub uses. */
export interface R2BucketLike {
  put(key: string, value: ReadableStream<Uint8Array>): Promise<unknown>
  get(key: string): Promise<{ body: ReadableStream<Uint8Array> } | null>
  delete(key: string): Promise<void>
}

declare const FixedLengthStream: {
  new (length: number): TransformStream<Uint8Array, Uint8Array>
}

export function createR2Store(bucket: R2BucketLike): FileStore {
  return {
    async put(key, body, size) {
      assertStorageKey(key)
      await bucket.put(key, body.pipeThrough(new FixedLengthStream(size)))
    },
    async get(key) {
      assertStorageKey(key)
      const object = await bucket.get(key)
      return object?.body ?? null
    },
    async delete(key) {
      assertStorageKey(key)
      await bucket.delete(key)
    },
  }
}
