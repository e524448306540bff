import { assertStorageKey, type FileStore } from '@appg-hub/core'

/** A file store in memory, for tests that call the core without a server. */
export function memoryStore(): FileStore & { keys(): string[] } {
  const files = new Map<string, Uint8Array>()
  return {
    async put(key, body) {
      assertStorageKey(key)
      files.set(key, new Uint8Array(await new Response(body).arrayBuffer()))
    },
    async get(key) {
      const bytes = files.get(key)
      return bytes ? new Response(bytes as Uint8Array<ArrayBuffer>).body! : null
    },
    async delete(key) {
      files.delete(key)
    },
    keys: () => [...files.keys()],
  }
}
