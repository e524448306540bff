/**
 * Saving a document without lost edits (the rule 3). A save names the revision it started
 * from. If the head is still that revision the body is saved as is; if others saved meanwhile, the
 * three texts (base, head, mine) are merged with diff3: a clean merge is saved as a new revision
 * marked `merged`, overlapping changes come back as a conflict with the three texts for the editor
 * to resolve. Moving the head is a conditional update (`where head_revision_id = <the head merged
 * onto>`) in the transaction that adds the revision; when someone else won the race the merge is
 * done again on the new head, so an accepted save is never overwritten.
 */
import { indexItem, isUniqueViolation, newId } from '@appg-hub/db'
import { audit } from '../audit'
import type { Actor, ServiceContext } from '../context'
import { badRequest, conflict } from '../errors'
import type { LoadedItem } from '../items/load'
import { syncMarkdownLinks } from '../links/sync'
import { editableDocument } from './guards'
import { type MergeRegion, mergeThreeWay, normaliseText } from './text'

export interface RevisionRef {
  id: string
  number: number
  createdAt: string
  merged: boolean
}

export type SaveResult =
  | { status: 'saved' | 'merged'; revision: RevisionRef; title: string }
  /** Nothing changed: the head already holds this text and title. */
  | { status: 'unchanged'; revision: RevisionRef; title: string }
  /**
   * Changes overlap with what others saved since `base`: resolve and save again with
   * `baseRevisionId: headRevisionId` (the resolved text then goes in as is, if nobody saves first).
   */
  | {
      status: 'conflict'
      base: string
      theirs: string
      yours: string
      baseRevisionId: string
      baseNumber: number
      headRevisionId: string
      headNumber: number
      conflicts: number
      /** Both versions of each overlap between conflict markers, as a starting point to resolve. */
      marked: string
      /** The same merge as regions: agreed text, and each overlap's two versions side by side. */
      regions: MergeRegion[]
      /** Who saved the revisions after `base` up to the head (authors and live contributors). */
      theirsAuthors: { id: string; name: string }[]
      /** Who is saving. */
      yoursAuthor: { id: string; name: string }
    }

export interface SaveInput {
  id: string
  baseRevisionId: string
  body: string
  title?: string
}

/** How many times a save is merged again when others keep winning the race for the head. */
const MAX_ATTEMPTS = 60

class LostRace extends Error {}

/**
 * A revision written from the live editor (collab rooms): the same save path, with the people
 * whose edits went in and the note given with "Save version".
 */
export async function saveLiveRevision(
  ctx: ServiceContext,
  input: SaveInput & { contributors: string[]; note: string | null },
): Promise<SaveResult> {
  const { actor, item } = await editableDocument(ctx, input.id)
  return saveAs(ctx, actor, item, input, 'document.saved', { live: true }, input)
}

export async function saveDocument(ctx: ServiceContext, input: SaveInput): Promise<SaveResult> {
  const { actor, item } = await editableDocument(ctx, input.id)
  return saveAs(ctx, actor, item, input, 'document.saved')
}

/** Restoring an old revision saves its text as a new revision on top of the head. */
export async function restoreRevision(
  ctx: ServiceContext,
  input: { id: string; number: number },
): Promise<SaveResult> {
  const { actor, item } = await editableDocument(ctx, input.id)
  const rows = await ctx.db
    .selectFrom('revision as r')
    .innerJoin('document as d', 'd.id', 'r.document_id')
    .select(['r.body', 'd.head_revision_id'])
    .where('r.document_id', '=', input.id)
    .where('r.number', '=', input.number)
    .execute()
  const row = rows[0]
  if (!row?.head_revision_id) throw badRequest(`This document has no revision ${input.number}.`, 'number')
  return saveAs(
    ctx,
    actor,
    item,
    { id: input.id, baseRevisionId: row.head_revision_id, body: row.body },
    'document.restored',
    { restoredNumber: input.number },
  )
}

async function saveAs(
  ctx: ServiceContext,
  actor: Actor,
  item: LoadedItem,
  input: SaveInput,
  action: string,
  details: Record<string, unknown> = {},
  live: { contributors: string[]; note: string | null } = { contributors: [], note: null },
): Promise<SaveResult> {
  const yours = normaliseText(input.body)
  const base = await ctx.db
    .selectFrom('revision')
    .select(['id', 'number', 'body'])
    .where('id', '=', input.baseRevisionId)
    .where('document_id', '=', input.id)
    .executeTakeFirst()
  if (!base)
    throw badRequest('That is not a revision of this document; reload it and try again.', 'baseRevisionId')

  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const head = await ctx.db
      .selectFrom('document as d')
      .innerJoin('revision as r', 'r.id', 'd.head_revision_id')
      .select([
        'd.head_revision_id as id',
        'd.head_number as number',
        'd.title',
        'r.body',
        'r.created_at as createdAt',
        'r.merged',
      ])
      .where('d.id', '=', input.id)
      .executeTakeFirstOrThrow()
    const headRef: RevisionRef = {
      id: head.id!,
      number: Number(head.number),
      createdAt: head.createdAt,
      merged: Number(head.merged) === 1,
    }
    let text = yours
    let merged = false
    if (head.id !== base.id) {
      const outcome = mergeThreeWay(base.body, head.body, yours)
      if (!outcome.clean)
        return {
          theirsAuthors: await authorsBetween(ctx, input.id, Number(base.number), Number(head.number)),
          yoursAuthor: { id: actor.id, name: actor.displayName },
          regions: outcome.regions,
          status: 'conflict',
          base: base.body,
          theirs: head.body,
          yours,
          baseRevisionId: base.id,
          baseNumber: Number(base.number),
          headRevisionId: head.id!,
          headNumber: Number(head.number),
          conflicts: outcome.conflicts,
          marked: outcome.marked,
        }
      text = outcome.text
      merged = text !== yours
    }
    const title = input.title?.trim() || head.title
    if (text === head.body && title === head.title && !live.note)
      return { status: 'unchanged', revision: headRef, title }

    const now = ctx.clock.now().toISOString()
    const revision: RevisionRef = { id: newId(), number: headRef.number + 1, createdAt: now, merged }
    try {
      await ctx.db.transaction().execute(async (tx) => {
        const moved = await tx
          .updateTable('document')
          .set({ head_revision_id: revision.id, head_number: revision.number, title, updated_at: now })
          .where('id', '=', input.id)
          .where('head_revision_id', '=', headRef.id)
          .executeTakeFirst()
        if (Number(moved.numUpdatedRows) !== 1) throw new LostRace()
        await tx
          .insertInto('revision')
          .values({
            id: revision.id,
            document_id: input.id,
            number: revision.number,
            body: text,
            author_id: actor.id,
            base_revision_id: base.id,
            merged: merged ? 1 : 0,
            created_at: now,
            note: live.note,
          })
          .execute()
        await indexItem(tx, 'document', input.id)
        const contributors = [...new Set([actor.id, ...live.contributors])]
        if (live.contributors.length > 0)
          await tx
            .insertInto('revision_contributor')
            .values(contributors.map((personId) => ({ revision_id: revision.id, person_id: personId })))
            .execute()
        if (text !== head.body)
          await syncMarkdownLinks(tx, { type: 'document', id: input.id }, text, actor, now)
        await audit(tx, ctx.clock, {
          actorId: actor.id,
          action,
          appgId: item.owner.appgId,
          itemType: 'document',
          itemId: input.id,
          details: {
            number: revision.number,
            baseNumber: Number(base.number),
            ...(merged ? { merged: true } : {}),
            ...(title !== head.title ? { title } : {}),
            ...details,
          },
        })
      })
    } catch (error) {
      // Someone else moved the head first: merge again onto the new head.
      if (error instanceof LostRace || isUniqueViolation(error)) continue
      throw error
    }
    return { status: merged ? 'merged' : 'saved', revision, title }
  }
  throw conflict('Many people are saving this document at once; please save again.', 'baseRevisionId')
}

/** The people who wrote revisions (after, up to] of a document: authors, then live contributors. */
async function authorsBetween(
  ctx: ServiceContext,
  documentId: string,
  after: number,
  upTo: number,
): Promise<{ id: string; name: string }[]> {
  const [authors, contributors] = await Promise.all([
    ctx.db
      .selectFrom('revision as r')
      .innerJoin('person as p', 'p.id', 'r.author_id')
      .select(['p.id', 'p.display_name as name', 'r.number'])
      .where('r.document_id', '=', documentId)
      .where('r.number', '>', after)
      .where('r.number', '<=', upTo)
      .orderBy('r.number', 'desc')
      .execute(),
    ctx.db
      .selectFrom('revision as r')
      .innerJoin('revision_contributor as c', 'c.revision_id', 'r.id')
      .innerJoin('person as p', 'p.id', 'c.person_id')
      .select(['p.id', 'p.display_name as name', 'r.number'])
      .where('r.document_id', '=', documentId)
      .where('r.number', '>', after)
      .where('r.number', '<=', upTo)
      .orderBy('r.number', 'desc')
      .execute(),
  ])
  const people = new Map<string, string>()
  for (const row of [...authors, ...contributors]) if (!people.has(row.id)) people.set(row.id, row.name)
  return [...people].map(([id, name]) => ({ id, name }))
}
