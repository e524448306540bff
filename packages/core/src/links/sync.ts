/** Keeping a body's `references` links (origin `markdown`) in step with what the body says. */
import type { Db, ItemType } from '@appg-hub/db'
import type { Actor } from '../context'
import { addLinks, removeLinks } from '../items/links'
import { itemReadableBy } from './readable'
import { parseReferences } from './refs'

/**
 * Call inside the transaction that saves the body. Adds a link for each item the body refers to
 * that exists, is not the item itself, and that the author may read (a reference to anything else
 * stays plain text, so that saving cannot probe for ids or announce the source to a private
 * item); removes the markdown links the body no longer refers to; explicit links are left alone.
 */
export async function syncMarkdownLinks(
  tx: Db,
  from: { type: ItemType; id: string },
  body: string,
  actor: Actor,
  now: string,
): Promise<{ added: number; removed: number }> {
  const refs = parseReferences(body).filter((r) => !(r.type === from.type && r.id === from.id))
  const existing = await tx
    .selectFrom('link')
    .select(['id', 'to_type', 'to_id'])
    .where('from_type', '=', from.type)
    .where('from_id', '=', from.id)
    .where('origin', '=', 'markdown')
    .execute()
  const wanted = new Set(refs.map((r) => `${r.type}:${r.id}`))
  const have = new Set(existing.map((e) => `${e.to_type}:${e.to_id}`))
  const stale = existing.filter((e) => !wanted.has(`${e.to_type}:${e.to_id}`)).map((e) => e.id)
  const missing = refs.filter((r) => !have.has(`${r.type}:${r.id}`))
  let added = 0
  if (missing.length) {
    const exists = new Set<string>()
    for (const type of ['topic', 'meeting', 'document'] as const) {
      const ids = missing.filter((m) => m.type === type).map((m) => m.id)
      if (!ids.length) continue
      const rows = await tx
        .selectFrom(`${type} as item` as 'topic as item')
        .select('item.id')
        .where('item.id', 'in', ids)
        .where((eb) => itemReadableBy(eb as never, actor, type, 'item'))
        .execute()
      for (const row of rows) exists.add(`${type}:${row.id}`)
    }
    const links = missing
      .filter((m) => exists.has(`${m.type}:${m.id}`))
      .map((to) => ({ from, to, linkType: 'references' as const, origin: 'markdown' as const }))
    added = (await addLinks(tx, links, actor.id, now)).length
  }
  await removeLinks(tx, stale)
  return { added, removed: stale.length }
}
