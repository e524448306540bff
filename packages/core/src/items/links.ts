/**
 * Adding and removing links between items. Who may link what is decided by the caller (a
 * document's editors, a session's hosts); these only write the rows, so that a link row is made
 * one way everywhere.
 */
import { type Database, type Db, type ItemType, type LinkTable, newId } from '@appg-hub/db'
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'

export interface NewLink {
  from: { type: ItemType; id: string }
  to: { type: ItemType; id: string }
  linkType: LinkTable['link_type']
  origin: LinkTable['origin']
}

/** Inserts the links in one statement; answers their ids in the same order. */
export async function addLinks(tx: Db, links: NewLink[], createdBy: string, now: string): Promise<string[]> {
  if (!links.length) return []
  const rows = links.map((link) => ({
    id: newId(),
    from_type: link.from.type,
    from_id: link.from.id,
    to_type: link.to.type,
    to_id: link.to.id,
    link_type: link.linkType,
    origin: link.origin,
    created_by: createdBy,
    created_at: now,
  }))
  await tx.insertInto('link').values(rows).execute()
  return rows.map((r) => r.id)
}

export async function addLink(tx: Db, link: NewLink, createdBy: string, now: string): Promise<string> {
  const [id] = await addLinks(tx, [link], createdBy, now)
  return id!
}

/** The explicit link of this type between the two items, if there is one. */
export async function findExplicitLink(
  db: Db,
  link: Omit<NewLink, 'origin'>,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('link')
    .select('id')
    .where('from_type', '=', link.from.type)
    .where('from_id', '=', link.from.id)
    .where('to_type', '=', link.to.type)
    .where('to_id', '=', link.to.id)
    .where('link_type', '=', link.linkType)
    .where('origin', '=', 'explicit')
    .executeTakeFirst()
}

/** Removes links by id (markdown links the body no longer makes, an explicit link taken away). */
export async function removeLinks(tx: Db, ids: string[]): Promise<void> {
  if (ids.length) await tx.deleteFrom('link').where('id', 'in', ids).execute()
}

/**
 * The join condition of a document and a link between it and the item, whichever way the link
 * points (minutes of a session, a briefing for a topic, a topic referring to a document).
 * `link` and `document` are the aliases of the two tables in the query; the item's id is a value
 * or, in a correlated sub-query, a column of the outer row.
 */
export function linksDocumentWith(
  eb: ExpressionBuilder<Database, keyof Database>,
  aliases: { link: string; document: string },
  item: { type: ItemType; id: string | Expression<string> },
): Expression<SqlBool> {
  const col = (name: string) => eb.ref(`${aliases.link}.${name}` as 'link.from_id')
  const documentId = eb.ref(`${aliases.document}.id` as 'document.id')
  const way = (from: 'from' | 'to', to: 'from' | 'to') =>
    eb.and([
      eb(col(`${from}_type`), '=', 'document'),
      eb(col(`${from}_id`), '=', documentId),
      eb(col(`${to}_type`), '=', item.type),
      eb(col(`${to}_id`), '=', item.id),
    ])
  return eb.or([way('from', 'to'), way('to', 'from')])
}
