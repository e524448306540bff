/**
 * Versions of rarely changing data. Whatever changes the Register (the import, the demo seed)
 * bumps `register` in the same transaction; readers key their caches with the number, so a
 * change is seen by every process and every Worker isolate at their next request.
 */
import type { Db } from '../kysely'
import { preparedQuery } from './prepared'

export type CacheName = 'register'

export async function bumpCacheVersion(db: Db, name: CacheName): Promise<void> {
  await db
    .updateTable('cache_version')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('name', '=', name)
    .execute()
}

const versionOf = preparedQuery((db, name: string) =>
  db.selectFrom('cache_version').select('version').where('name', '=', name),
)

/** Read on every request that may be served from a cache, so compiled once. */
export async function readCacheVersion(db: Db, name: CacheName): Promise<number> {
  const [row] = await versionOf(db, name)
  return row ? Number(row.version) : 0
}
