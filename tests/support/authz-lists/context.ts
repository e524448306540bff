/**
 * What every list check shares (see ../authz-lists.ts): the world, the caller and its recording
 * tRPC client, what the checks found so far, and the single reads every kind of check compares with
 * (topics.get for every topic, and, once loaded, sessions.get and documents.get for every item).
 */
import { callPath, outcomeOf } from '../authz-run'
import type { AuthzWorld, CallerName } from '../authz-world'

export type Caller = Awaited<ReturnType<AuthzWorld['api']['as']>>
type Page<T> = { items: T[]; nextCursor: string | null }

/** One caller's run of the list checks. */
export interface ListCheck {
  w: AuthzWorld
  caller: CallerName
  /** The caller's client, recording each procedure called through it. */
  trpc: Caller
  /** What the checks found wrong, one line per problem. */
  problems: string[]
  /** List calls checked against single reads. */
  checks: number
  topics: string[]
  /** topics.get's outcome for every topic. */
  readable: Map<string, string>
  mayRead(topicId: string): boolean
  /** Every comment on a topic. */
  commented: { id: string; item_id: string; parent_id: string | null }[]
}

/** The single reads of sessions and documents, and with topics.get the oracle for any item. */
export interface ItemReads {
  sessionRead: Map<string, { outcome: string; value: unknown }>
  documentRead: Map<string, { outcome: string; value: unknown }>
  readOk(type: string, id: string): boolean
}

export async function startListCheck(
  w: AuthzWorld,
  caller: CallerName,
  called: Set<string>,
): Promise<ListCheck> {
  const topics = (await w.db.selectFrom('topic').select('id').execute()).map((t) => t.id)
  const trpc = recording(await w.api.as(w.idOf(caller)), called)
  const readable = new Map<string, string>()
  for (const id of topics) readable.set(id, outcomeOf(await callPath(trpc, 'topics.get', { id })))
  const commented = await w.db
    .selectFrom('comment')
    .select(['id', 'item_id', 'parent_id'])
    .where('item_type', '=', 'topic')
    .execute()
  return {
    w,
    caller,
    trpc,
    problems: [],
    checks: 0,
    topics,
    readable,
    mayRead: (id) => readable.get(id) === 'ok',
    commented,
  }
}

export async function loadItemReads(cx: ListCheck): Promise<ItemReads> {
  const { w, trpc } = cx
  const sessionIds = (await w.db.selectFrom('meeting').select('id').execute()).map((m) => m.id)
  const documentIds = (await w.db.selectFrom('document').select('id').execute()).map((d) => d.id)
  const sessionRead = new Map<string, { outcome: string; value: unknown }>()
  for (const id of sessionIds) {
    const r = await callPath(trpc, 'sessions.get', { id })
    sessionRead.set(id, { outcome: outcomeOf(r), value: r.ok ? r.value : null })
  }
  const documentRead = new Map<string, { outcome: string; value: unknown }>()
  for (const id of documentIds) {
    const r = await callPath(trpc, 'documents.get', { id })
    documentRead.set(id, { outcome: outcomeOf(r), value: r.ok ? r.value : null })
  }
  const readOk = (type: string, id: string) =>
    (type === 'topic'
      ? cx.readable.get(id)
      : type === 'meeting'
        ? sessionRead.get(id)?.outcome
        : documentRead.get(id)?.outcome) === 'ok'
  return { sessionRead, documentRead, readOk }
}

/** The ids of the caller's groups. */
export async function groupsOf(cx: ListCheck): Promise<Set<string>> {
  const rows = await cx.w.db
    .selectFrom('membership')
    .select('appg_id')
    .where('person_id', '=', cx.w.idOf(cx.caller)!)
    .execute()
  return new Set(rows.map((m) => m.appg_id))
}

/** Every page of a cursor-paginated list (bounded, in case a cursor never ends). */
export async function allPages<T>(
  caller: Caller,
  path: string,
  input: Record<string, unknown>,
): Promise<{ outcome: string; items: T[] }> {
  const items: T[] = []
  let cursor: string | null = null
  for (let page = 0; page < 50; page++) {
    const result = await callPath(caller, path, { ...input, cursor })
    if (!result.ok) return { outcome: outcomeOf(result), items }
    const value = result.value as Page<T>
    items.push(...value.items)
    cursor = value.nextCursor
    if (!cursor) break
  }
  return { outcome: 'ok', items }
}

/** Each comment on the topic that comments.list shows, and whether it shows its words. */
export async function commentsShown(cx: ListCheck, itemId: string): Promise<Map<string, boolean>> {
  const r = await allPages<{
    id: string
    body: string | null
    replies: { id: string; body: string | null }[]
  }>(cx.trpc, 'comments.list', { itemType: 'topic', itemId })
  return new Map(r.items.flatMap((x) => [x, ...x.replies]).map((c) => [c.id, c.body !== null]))
}

/**
 * The caller, noting each procedure called through it (for the completeness check against
 * tests/authz/list-cases.ts: a list no check calls fails the suite).
 */
function recording<T extends object>(caller: T, called: Set<string>, path: string[] = []): T {
  // biome-ignore lint/suspicious/noExplicitAny: a tRPC caller's shape is only known by path here.
  const at = (): any => path.reduce((node: any, part) => node[part], caller)
  return new Proxy(() => {}, {
    get: (_target, part) =>
      typeof part === 'string' ? recording(caller, called, [...path, part]) : undefined,
    apply: (_target, _this, args) => {
      called.add(path.join('.'))
      return at()(...args)
    },
  }) as unknown as T
}
