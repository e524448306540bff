/**
 * search.query against single reads, for the list-consistency check: every result's single read
 * succeeds for the same caller, and every indexed item holding the word that the caller may read
 * is found (so a filter that hides too much fails as well as one that shows too much).
 */
import type { ItemType } from '@appg-hub/db'
import { sql } from 'kysely'
import { allPages } from './authz-lists/context'
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
  const documents = new Map(
    (
      await w.db.selectFrom('document').select(['id', 'head_revision_id', 'published_revision_id']).execute()
    ).map((d) => [d.id, d]),
  )
  // The revision a single read of each document shows this caller (its draft or its approved one).
  const shown = new Map<string, string | null>()
  const shownRevision = async (id: string) => {
    if (!shown.has(id)) {
      const got = await callPath(trpc, 'documents.get', { id })
      shown.set(id, got.ok ? (got.value as { head: { id: string } }).head.id : null)
    }
    return shown.get(id)!
  }
  // A document has a row of its draft and, while published, one of its approved revision: the
  // caller is to find the one whose words a single read shows them.
  const rowShown = async (docType: string, id: string) => {
    if (docType !== 'document' && docType !== 'published') return true
    const d = documents.get(id)
    const revision = await shownRevision(id)
    return !!d && revision === (docType === 'document' ? d.head_revision_id : d.published_revision_id)
  }
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
    const resultKey = (docType: string, id: string) =>
      `${docType === 'published' ? 'document' : docType}:${id}`
    const byKey = new Map<string, (typeof rows)[number][]>()
    for (const r of rows) {
      const key = resultKey(r.doc_type, r.doc_id)
      byKey.set(key, [...(byKey.get(key) ?? []), r])
    }
    const found = new Set(items.map((r) => `${r.type}:${r.id}`))
    if (found.size !== items.length) problems.push(`search.query(${word}) as ${caller} finds an item twice`)
    for (const r of items) {
      // Found by the words of a row a single read shows the caller (a document's draft or its
      // approved revision), never by the other's.
      const candidates = byKey.get(`${r.type}:${r.id}`) ?? []
      let row: (typeof rows)[number] | undefined
      for (const c of candidates) if (await rowShown(c.doc_type, c.doc_id)) row = c
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
        (await rowShown(row.doc_type, row.doc_id)) &&
        !found.has(resultKey(row.doc_type, row.doc_id))
      )
        problems.push(`search.query(${word}) as ${caller} leaves out readable ${row.doc_type} ${row.doc_id}`)
  }
  return { problems, checks }
}
