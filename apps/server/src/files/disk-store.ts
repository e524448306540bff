/**
 * The file store on Node: one file per key under a folder (`FILES_DIR`, `./data/files` by default).
 * A file is written under a temporary name and renamed once complete, so a failed or refused upload
 * never leaves a partial file where a download could find it.
 */
import { createWriteStream } from 'node:fs'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeWebStream } from 'node:stream/web'
import { assertStorageKey, type FileStore } from '@appg-hub/core'

const CHUNK = 64 * 1024

export function createDiskStore(directory: string): FileStore {
  const root = resolve(directory)
  const pathOf = (key: string) => {
    assertStorageKey(key)
    return join(root, key)
  }
  return {
    async put(key, body) {
      const path = pathOf(key)
      await mkdir(dirname(path), { recursive: true })
      const partial = `${path}.part`
      try {
        await pipeline(
          Readable.fromWeb(body as NodeWebStream<Uint8Array>),
          createWriteStream(partial, { flags: 'wx' }),
        )
        await rename(partial, path)
      } catch (error) {
        await rm(partial, { force: true })
        throw error
      }
    },
    async get(key) {
      const file = await open(pathOf(key), 'r').catch(() => null)
      if (!file) return null
      // Read on demand, chunk by chunk, so a slow reader never makes the file pile up in memory.
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            const buffer = new Uint8Array(CHUNK)
            const { bytesRead } = await file.read(buffer, 0, CHUNK, null)
            if (bytesRead > 0) return controller.enqueue(buffer.subarray(0, bytesRead))
            await file.close()
            controller.close()
          } catch (error) {
            await file.close().catch(() => undefined)
            controller.error(error)
          }
        },
        async cancel() {
          await file.close()
        },
      })
    },
    async delete(key) {
      await rm(pathOf(key), { force: true })
    },
  }
}
