/**
 * Versions of rarely changing data. Whatever changes the Register (the import, the demo seed)
 * bumps `register` in the same transaction; readers key their caches with the number, so a
 * change is seen by every process and every Worker isolate at their next request.
 */
import type { Db } from '../kysely'

export type CacheName = 'register'

export async function bumpCacheVersion(db: Db, name: CacheName): Promise<void> {
  await db
    .updateTable('cache_version')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('name', '=', name)
    .execute()
}

export async function readCacheVersion(db: Db, name: CacheName): Promise<number> {
  const row = await db
    .selectFrom('cache_version')
    .select('version')
    .where('name', '=', name)
    .executeTakeFirst()
  return row ? Number(row.version) : 0
}
