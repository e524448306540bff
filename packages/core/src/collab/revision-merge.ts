/**
 * The live text and the document's revisions: reading the head, merging a revision saved outside
 * the room into the live Y.Doc, and choosing who a revision written by the room is credited to.
 */
import type { Db } from '@appg-hub/db'
import * as Y from 'yjs'
import { toActor } from '../auth/accounts'
import type { Actor } from '../context'
import { mergeWords } from '../documents/text'
import { collabMode } from './access'
import { applyTextDiff } from './text-diff'

export async function headRevision(
  db: Db,
  documentId: string,
): Promise<{ id: string; body: string; authorId: string }> {
  const row = await db
    .selectFrom('document as d')
    .innerJoin('revision as r', 'r.id', 'd.head_revision_id')
    .select(['r.id', 'r.body', 'r.author_id'])
    .where('d.id', '=', documentId)
    .executeTakeFirstOrThrow()
  return { id: row.id, body: row.body, authorId: row.author_id }
}

/**
 * The Yjs update that brings `headBody` into `doc`, and the synced state from now on. A clean
 * three-way merge by words (base: `syncedState`, the revision the room last synced with) is made
 * as an edit, so a change the live text already holds is not made twice; overlapping changes are
 * made as a Yjs edit on the synced state instead, which merges with what was typed meanwhile like
 * any concurrent edit: both sides are kept.
 */
export function absorbUpdate(
  doc: Y.Doc,
  syncedState: Uint8Array,
  headBody: string,
): { update: Uint8Array; syncedState: Uint8Array } {
  const fork = new Y.Doc()
  Y.applyUpdate(fork, syncedState)
  const forkText = fork.getText('body')
  const outcome = mergeWords(forkText.toString(), headBody, doc.getText('body').toString())
  let update: Uint8Array
  if (outcome.clean) {
    const clone = new Y.Doc()
    Y.applyUpdate(clone, Y.encodeStateAsUpdate(doc))
    applyTextDiff(clone.getText('body'), outcome.text)
    update = Y.encodeStateAsUpdate(clone, Y.encodeStateVector(doc))
    clone.destroy()
    applyTextDiff(forkText, headBody)
  } else {
    applyTextDiff(forkText, headBody)
    update = Y.encodeStateAsUpdate(fork, Y.encodeStateVectorFromUpdate(syncedState))
  }
  const synced = Y.encodeStateAsUpdate(fork)
  fork.destroy()
  return { update, syncedState: synced }
}

/**
 * The save merged the live text with a revision saved meanwhile: the update from `snapshot` (what
 * was saved) to the merged revision's text, and that text's state as the synced one.
 */
export async function rebaseOnSaved(
  db: Db,
  snapshot: Uint8Array,
  revisionId: string,
): Promise<{ update: Uint8Array; syncedState: Uint8Array }> {
  const merged = await db
    .selectFrom('revision')
    .select('body')
    .where('id', '=', revisionId)
    .executeTakeFirstOrThrow()
  const fork = new Y.Doc()
  Y.applyUpdate(fork, snapshot)
  applyTextDiff(fork.getText('body'), merged.body)
  const update = Y.encodeStateAsUpdate(fork, Y.encodeStateVectorFromUpdate(snapshot))
  return { update, syncedState: Y.encodeStateAsUpdate(fork) }
}

/** The first of `personIds` (most recent first) who may still edit the document. */
export async function lastEditor(
  db: Db,
  documentId: string,
  personIds: string[],
  known: ReadonlyMap<string, Actor>,
): Promise<Actor | null> {
  for (const id of personIds) {
    let actor = known.get(id)
    if (!actor) {
      const person = await db
        .selectFrom('person')
        .select(['id', 'email', 'display_name', 'kind', 'is_site_admin'])
        .where('id', '=', id)
        .where('erased_at', 'is', null)
        .executeTakeFirst()
      if (!person) continue
      actor = toActor(person)
    }
    if ((await collabMode(db, actor, documentId)) === 'read-write') return actor
  }
  return null
}
