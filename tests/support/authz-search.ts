/**
 * search.query against single reads, for the list-consistency check: every result's single read
 * succeeds for the same caller, and every indexed item holding the word that the caller may read
 * is found (so a filter that hides too much fails as well as one that shows too much).
 */
import type { ItemType } from '@appg-hub/db'
import { sql } from 'kysely'
import { allPages } from './authz-lists'
import { callPath, outcomeOf } from './authz-run'
import type { AuthzWorld, CallerName } from './authz-world'

type Caller = Awaited<ReturnType<AuthzWorld['api']['as']>>

/** Words the list world's factories write into titles and bodies of every kind. */
const WORDS = ['matrix', 'briefing', 'document', 'session', 'appg']

export async function checkSearch(
  w: AuthzWorld,
  trpc: Caller,
  caller: CallerName,
  readOk: (type: ItemType, id: string) => boolean,
): Promise<{ problems: string[]; checks: number }> {
  const problems: string[] = []
  let checks = 0
  const comments = new Map(
    (
      await w.db
        .selectFrom('comment')
        .select(['id', 'item_type', 'item_id', 'hidden_at', 'deleted_at'])
        .execute()
    ).map((c) => [c.id, c]),
  )
  const mayFind = (type: string, id: string, itemType: ItemType | null, itemId: string | null) => {
    if (type === 'group') return true
    if (type === 'comment') {
      const c = comments.get(id)
      return !!c && !c.hidden_at && !c.deleted_at && readOk(c.item_type, c.item_id)
    }
    return readOk(itemType!, itemId!)
  }
  for (const word of WORDS) {
    const { outcome, items } = await allPages<{ type: string; id: string; url: string }>(
      trpc,
      'search.query',
      {
        q: `${word} `,
        limit: 50,
      },
    )
    checks += 1
    if (outcome !== 'ok') {
      problems.push(`search.query(${word}) as ${caller}: ${outcome}`)
      continue
    }
    const rows = await w.db
      .selectFrom('search_index')
      .select(['doc_type', 'doc_id', 'item_type', 'item_id'])
      .where((eb) =>
        eb.or([eb(sql`lower(title)`, 'like', `%${word}%`), eb(sql`lower(body)`, 'like', `%${word}%`)]),
      )
      .execute()
    const byKey = new Map(rows.map((r) => [`${r.doc_type}:${r.doc_id}`, r]))
    const found = new Set(items.map((r) => `${r.type}:${r.id}`))
    for (const r of items) {
      const row = byKey.get(`${r.type}:${r.id}`)
      if (r.type === 'group') {
        const slug = r.url.replace('/groups/', '')
        const got = outcomeOf(await callPath(trpc, 'register.group', { slug }))
        if (got !== 'ok')
          problems.push(
            `search.query(${word}) as ${caller} finds group ${slug}; register.group answers ${got}`,
          )
        continue
      }
      if (!row || !mayFind(r.type, r.id, row.item_type, row.item_id))
        problems.push(`search.query(${word}) as ${caller} finds ${r.type} ${r.id}, whose single read refuses`)
    }
    for (const row of rows)
      if (
        mayFind(row.doc_type, row.doc_id, row.item_type, row.item_id) &&
        !found.has(`${row.doc_type}:${row.doc_id}`)
      )
        problems.push(`search.query(${word}) as ${caller} leaves out readable ${row.doc_type} ${row.doc_id}`)
  }
  return { problems, checks }
}
