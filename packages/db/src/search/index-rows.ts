/**
 * Keeping the search index (`search_index`) in step with what it indexes. Every write that changes
 * the words of a group, topic, session, document or comment calls `indexItem` in its own
 * transaction, so that a search straight after the write finds the new words. Each type's row is
 * one INSERT … SELECT from the live tables (`sourceOf`), so a single item, a batch and a full
 * rebuild read the same SQL; on SQLite, triggers carry each change into the FTS5 table.
 */

import { SEARCH_DOC_TYPES } from '@appg-hub/schemas'
import { type Kysely, type RawBuilder, sql } from 'kysely'
import { type Db, dialectOf } from '../kysely'

export { SEARCH_DOC_TYPES } from '@appg-hub/schemas'

export type SearchDocType = (typeof SEARCH_DOC_TYPES)[number]

/**
 * The index's own row types: a published document has a second row, `published`, holding the
 * approved revision's words, which is what people outside its groups read (and so find); its
 * `document` row holds the working draft, for its groups. Search shows each reader one of the two.
 */
export const INDEX_DOC_TYPES = [...SEARCH_DOC_TYPES, 'published'] as const
export type IndexDocType = (typeof INDEX_DOC_TYPES)[number]

/** The index rows that one item type writes (a document writes its draft and its published words). */
function rowTypesOf(type: SearchDocType): IndexDocType[] {
  return type === 'document' ? ['document', 'published'] : [type]
}

/** `a || ' ' || b`, which MySQL spells `concat(a, ' ', b)`. */
function joinText(db: Db, parts: RawBuilder<unknown>[]): RawBuilder<string> {
  const withSpaces = parts.flatMap((part, i) => (i === 0 ? [part] : [sql`' '`, part]))
  return dialectOf(db) === 'sqlite'
    ? sql<string>`(${sql.join(withSpaces, sql` || `)})`
    : sql<string>`concat(${sql.join(withSpaces)})`
}

/** The rows `type` contributes, optionally only those whose id is in `ids`. */
function sourceOf(db: Db, type: IndexDocType, ids: readonly string[] | null): RawBuilder<unknown> {
  const only = (column: string) => (ids ? sql`and ${sql.ref(column)} in (${sql.join(ids)})` : sql``)
  switch (type) {
    case 'group':
      return sql`select 'group', g.id, null, null, g.title, coalesce(g.purpose, ''), g.updated_at
        from appg g where 1 = 1 ${only('g.id')}`
    case 'topic':
      return sql`select 'topic', t.id, 'topic', t.id, t.title, t.summary, t.updated_at
        from topic t where 1 = 1 ${only('t.id')}`
    case 'session': {
      // The agenda's item titles are part of what a session says.
      const agenda =
        dialectOf(db) === 'sqlite'
          ? sql`(select group_concat(a.title, ' ') from agenda_item a where a.meeting_id = m.id)`
          : sql`(select group_concat(a.title separator ' ') from agenda_item a where a.meeting_id = m.id)`
      return sql`select 'session', m.id, 'meeting', m.id, m.title,
        ${joinText(db, [sql`m.description`, sql`coalesce(${agenda}, '')`])}, m.updated_at
        from meeting m where 1 = 1 ${only('m.id')}`
    }
    case 'document':
      // The head revision: the working draft, the text a single read shows the document's groups.
      return sql`select 'document', d.id, 'document', d.id, d.title, r.body, d.updated_at
        from document d inner join revision r on r.id = d.head_revision_id where 1 = 1 ${only('d.id')}`
    case 'published':
      // The approved revision, the text a single read shows everyone else while it is published.
      return sql`select 'published', d.id, 'document', d.id, d.title, p.body, d.updated_at
        from document d inner join revision p on p.id = d.published_revision_id
        where d.status = 'published' ${only('d.id')}`
    case 'comment':
      // Hidden and deleted comments are never indexed, so nobody can find them by their words.
      return sql`select 'comment', c.id, c.item_type, c.item_id, '', c.body, coalesce(c.edited_at, c.created_at)
        from comment c where c.deleted_at is null and c.hidden_at is null ${only('c.id')}`
  }
}

/**
 * Brings the index entries of these items up to date with the live rows: call it inside the
 * transaction that changed them. An item that no longer qualifies (a hidden comment) drops out.
 */
export async function indexItems(
  db: Db,
  type: SearchDocType,
  ids: readonly string[],
  options: { isNew?: boolean } = {},
): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500)
    // An item made in this transaction has no entry yet: one statement instead of two.
    if (!options.isNew) await removeItems(db, type, batch)
    for (const rowType of rowTypesOf(type)) await insertFrom(db, sourceOf(db, rowType, batch))
  }
}

/** `isNew` when the item was created in this same transaction. */
export async function indexItem(
  db: Db,
  type: SearchDocType,
  id: string,
  options: { isNew?: boolean } = {},
): Promise<void> {
  await indexItems(db, type, [id], options)
}

function insertFrom(db: Db, source: RawBuilder<unknown>) {
  return db
    .insertInto('search_index')
    .columns(['doc_type', 'doc_id', 'item_type', 'item_id', 'title', 'body', 'updated_at'])
    .expression(source as never)
    .execute()
}

export async function removeItems(db: Db, type: SearchDocType, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  await db
    .deleteFrom('search_index')
    .where('doc_type', 'in', rowTypesOf(type))
    .where('doc_id', 'in', ids)
    .execute()
}

export async function removeItem(db: Db, type: SearchDocType, id: string): Promise<void> {
  await removeItems(db, type, [id])
}

/**
 * Rebuilds the whole index from the live tables, in one transaction (`hub reindex`, the migration).
 * `types` only for a migration older than some row type's columns (see 0006-search).
 */
export async function rebuildSearchIndex(
  db: Db | Kysely<unknown>,
  types: readonly IndexDocType[] = INDEX_DOC_TYPES,
): Promise<number> {
  const rebuild = async (tx: Db) => {
    await tx.deleteFrom('search_index').execute()
    for (const type of types) await insertFrom(tx, sourceOf(tx, type, null))
    // Compacts the FTS5 b-trees after a bulk load; MySQL maintains its FULLTEXT index as it goes.
    if (dialectOf(tx) === 'sqlite')
      await sql`insert into search_fts(search_fts) values ('optimize')`.execute(tx)
    const row = await tx
      .selectFrom('search_index')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
  // The migrator may already have opened a transaction (SQLite runs migrations in one).
  return db.isTransaction ? rebuild(db as Db) : (db as Db).transaction().execute(rebuild)
}
