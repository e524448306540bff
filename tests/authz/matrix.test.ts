/**
 * The authorization matrix (docs/architecture.md §3, §8), generated from the router itself: every procedure of
 * `appRouter` × every caller × every relation of the item (or group) to the callers' group, each
 * answered as the policy says (`can()`, `canManageMember()`, see support/authz-model.ts). Refusals:
 * UNAUTHORIZED signed out, NOT_FOUND when the caller may not read the item, FORBIDDEN when they may
 * read it but not act; a refused call changes no table. A procedure without a declared case fails.
 */
import type { Database } from '@appg-hub/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkLists, type ListWorld, makeListWorld } from '../support/authz-lists'
import { type Cell, callPath, outcomeOf, runProcedure } from '../support/authz-run'
import { CALLERS, listProcedures, makeAuthzWorld, tableNames } from '../support/authz-world'
import { dialects, hubTest } from '../support/hub-test'
import { CASES } from './cases'
import { LIST_CASES } from './list-cases'
import { MAX_READ_QUERIES, READS_OVER_BUDGET, WRITE_QUERIES } from './query-budgets'

/** Every table of `Database`: the type checker keeps this in step with schema.ts. */
const DATABASE_TABLES: Record<keyof Database, true> = {
  person: true,
  person_alias: true,
  person_merge: true,
  appg: true,
  appg_tag: true,
  benefit: true,
  membership: true,
  auth_session: true,
  group_invite: true,
  topic: true,
  participant: true,
  invitation: true,
  meeting: true,
  agenda_item: true,
  signup: true,
  document: true,
  revision: true,
  link: true,
  document_presence: true,
  comment: true,
  comment_edit: true,
  follow: true,
  notification: true,
  email_outbox: true,
  audit_event: true,
  rate_limit: true,
  password_reset: true,
  search_index: true,
  attachment: true,
  cache_version: true,
  revision_contributor: true,
  collab_state: true,
  collab_update: true,
  publication_request: true,
  publication_consent: true,
  topic_visit: true,
}

const procedures = listProcedures()

describe('the authorization matrix covers the router', () => {
  it.each(procedures.map((p) => [p.path]))('%s has a declared authorization case', (path) => {
    if (!CASES[path]) expect.fail(`procedure ${path} has no declared authorization case`)
  })

  it('declares no case for a procedure that does not exist', () => {
    const known = new Set(procedures.map((p) => p.path))
    expect(Object.keys(CASES).filter((path) => !known.has(path))).toEqual([])
  })

  it('each procedure declares the access its case expects', () => {
    const wrong = procedures
      .filter((p) => CASES[p.path] && CASES[p.path]!.access !== p.access)
      .map((p) => `${p.path}: meta.access is ${p.access}, the case expects ${CASES[p.path]!.access}`)
    expect(wrong).toEqual([])
  })
})

describe.each(dialects())('the authorization matrix on $name', (dialect) => {
  const it = hubTest(dialect, { world: makeAuthzWorld })
  const cells: Cell[] = []
  const covered = procedures.filter((p) => CASES[p.path])

  afterAll(() => {
    const relations = new Set(cells.map((c) => c.relation))
    const procs = new Set(cells.map((c) => c.path))
    const byOutcome: Record<string, number> = {}
    for (const c of cells) byOutcome[c.expected] = (byOutcome[c.expected] ?? 0) + 1
    console.log(
      `authorization matrix on ${dialect.name}: ${procs.size} procedures × ${CALLERS.length} callers × ` +
        `${relations.size} relations (${[...relations].join(', ')}) → ${cells.length} cells ` +
        `(${Object.entries(byOutcome)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')}); ${cells.filter((c) => c.problem).length} violations`,
    )
    // The writes' query counts (the most of any caller allowed), for docs/architecture.md §5.
    const writes = new Map<string, number>()
    for (const c of cells)
      if (c.got === 'ok' && procedures.find((p) => p.path === c.path)?.type === 'mutation')
        writes.set(c.path, Math.max(writes.get(c.path) ?? 0, c.queries))
    console.log(
      `queries per write on ${dialect.name}: ${[...writes]
        .sort((a, b) => b[1] - a[1])
        .map(([path, n]) => `${path} ${n}`)
        .join(', ')}`,
    )
  })

  it('snapshots cover every table of Database', async ({ db }) => {
    expect(await tableNames(db)).toEqual(Object.keys(DATABASE_TABLES).sort())
  })

  // Each procedure in a world of its own, so that its successful calls never reach another's cells.
  it.for(covered.map((p) => [p.path, p] as const))('%s', async ([, info], { world }) => {
    const result = await runProcedure(world, info, CASES[info.path]!)
    cells.push(...result)
    expect(result.filter((c) => c.problem).map((c) => c.problem)).toEqual([])
    // docs/architecture.md §5: on the edge every query is an HTTP call; a read answers in at most
    // two, the session check included, for every caller it answers (or its entry above).
    if (info.type === 'query') {
      const budget = READS_OVER_BUDGET[info.path] ?? MAX_READ_QUERIES
      const answered = result.filter((c) => c.got === 'ok')
      expect(
        answered
          .filter((c) => c.queries > budget)
          .map((c) => `${c.path}${c.variant ? ` [${c.variant}]` : ''} as ${c.caller}: ${c.queries} queries`),
      ).toEqual([])
      if (READS_OVER_BUDGET[info.path] !== undefined)
        expect(Math.max(0, ...answered.map((c) => c.queries)), 'its entry in READS_OVER_BUDGET').toBe(budget)
    }
    if (info.type === 'mutation') {
      const answered = result.filter((c) => c.got === 'ok')
      if (answered.length > 0)
        expect(Math.max(...answered.map((c) => c.queries)), 'its entry in WRITE_QUERIES').toBe(
          WRITE_QUERIES[info.path],
        )
    }
  })
})

describe('the list check covers every list', () => {
  const queries = procedures.filter((p) => p.type === 'query').map((p) => p.path)

  it('declares every query procedure a list (with its single read) or not (with the reason)', () => {
    expect(queries.filter((path) => !LIST_CASES[path])).toEqual([])
  })

  it('declares nothing for a procedure that is not a query of the router', () => {
    const known = new Set(queries)
    expect(Object.keys(LIST_CASES).filter((path) => !known.has(path))).toEqual([])
  })
})

// Not on hubTest: its world is made per test, and this suite builds one large list world for all the
// callers' tests (and counts what they called across them), which a per-test fixture would rebuild
// for each caller.
describe.each(dialects())('lists agree with single reads on $name', (target) => {
  let lw: ListWorld
  let checks = 0
  const called = new Set<string>()
  beforeAll(async () => {
    lw = await makeListWorld(await target.fresh())
  })
  afterAll(async () => {
    console.log(
      `list consistency on ${target.name}: ${CALLERS.length} callers, ${checks} list calls checked against single reads`,
    )
    await target.close()
  })

  it.each(CALLERS.map((c) => [c]))('as %s', async (caller) => {
    const result = await checkLists(lw, caller)
    checks += result.checks
    for (const path of result.called) called.add(path)
    expect(result.problems).toEqual([])
  })

  it('called every procedure that list-cases.ts declares a list', () => {
    const lists = Object.entries(LIST_CASES).filter(([, c]) => c.list)
    expect(lists.map(([path]) => path).filter((path) => !called.has(path))).toEqual([])
  })
})

describe.each(dialects())('notifications after access ends on $name', (dialect) => {
  const it = hubTest(dialect, { world: makeAuthzWorld })

  // docs/architecture.md §3: "a list never shows what a single read would refuse". Once alpha takes beta out of
  // its topic, beta's people may no longer read the topic or its discussion (NOT_FOUND), so their
  // inbox must stop quoting its comments, as it already does for hidden and deleted ones.
  it("notifications.list quotes no comment of a topic the recipient's group was taken out of", async ({
    world: w,
  }) => {
    const topicId = await w.make.topic('own')
    const reader = w.person.betaMember!.id
    await w.make.follow(reader, 'topic', topicId)
    const words = 'The budget figures for the screening pilot'
    await (await w.api.as(w.person.member!.id)).comments.add({
      itemType: 'topic',
      itemId: topicId,
      body: words,
    })
    await (await w.api.as(w.person.officer!.id)).topics.removePartner({ id: topicId, groupSlug: 'beta' })

    const asReader = await w.api.as(reader)
    expect(outcomeOf(await callPath(asReader, 'comments.list', { itemType: 'topic', itemId: topicId }))).toBe(
      'NOT_FOUND',
    )
    const inbox = await asReader.notifications.list()
    // The comment's notification is still there, without its words.
    expect(inbox.items.map((n) => n.kind)).toEqual(['comment.new'])
    expect(inbox.items.filter((n) => n.text.includes(words)).map((n) => n.text)).toEqual([])
  })
})
