import { type Db, rebuildSearchIndex } from '@appg-hub/db'

/** `hub reindex`: rebuilds the search index from the live tables, in one transaction. */
export async function reindex(db: Db): Promise<void> {
  const started = performance.now()
  const rows = await rebuildSearchIndex(db)
  console.log(`Rebuilt the search index: ${rows} entries in ${Math.round(performance.now() - started)} ms.`)
}
