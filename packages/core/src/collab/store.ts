/**
 * Where a live document's Yjs data is kept: a compacted state plus the log of updates accepted
 * since. Two implementations: the database (Node, through Kysely) and Durable Object storage
 * (Workers). Updates are appended before they are applied or relayed, so a restart loses
 * nothing that anyone was sent.
 */
import type { Db } from '@appg-hub/db'
import { fromBase64, toBase64 } from 'lib0/buffer'
import type { Clock } from '../clock'

export interface StoredUpdate {
  seq: number
  update: Uint8Array
  personId: string
}

export interface StoredRoom {
  state: Uint8Array
  /** The revision whose text `syncedState` holds (the last one written from or into the room). */
  syncedRevisionId: string
  syncedState: Uint8Array
  pendingContributors: string[]
  updates: StoredUpdate[]
}

export interface CollabStore {
  load(documentId: string): Promise<StoredRoom | null>
  /** The first state of a room, seeded from the document's head revision. */
  create(documentId: string, room: Omit<StoredRoom, 'updates'>): Promise<void>
  append(documentId: string, updates: StoredUpdate[]): Promise<void>
  /** Replaces the state and drops the log up to `upToSeq` (inclusive), in one transaction. */
  compact(
    documentId: string,
    state: Uint8Array,
    upToSeq: number,
    pendingContributors: string[],
  ): Promise<void>
  setSynced(
    documentId: string,
    revisionId: string,
    syncedState: Uint8Array,
    pendingContributors: string[],
  ): Promise<void>
}

/** The database store: `collab_state` and `collab_update` (migration 0007-collab). */
export function databaseCollabStore(db: Db, clock: Clock): CollabStore {
  const now = () => clock.now().toISOString()
  return {
    async load(documentId) {
      const [state, updates] = await Promise.all([
        db.selectFrom('collab_state').selectAll().where('document_id', '=', documentId).executeTakeFirst(),
        db
          .selectFrom('collab_update')
          .select(['seq', 'update_data', 'person_id'])
          .where('document_id', '=', documentId)
          .orderBy('seq')
          .execute(),
      ])
      if (!state) return null
      return {
        state: fromBase64(state.state),
        syncedRevisionId: state.synced_revision_id,
        syncedState: fromBase64(state.synced_state),
        pendingContributors: JSON.parse(state.pending_contributors) as string[],
        updates: updates.map((u) => ({
          seq: Number(u.seq),
          update: fromBase64(u.update_data),
          personId: u.person_id,
        })),
      }
    },
    async create(documentId, room) {
      await db
        .insertInto('collab_state')
        .values({
          document_id: documentId,
          state: toBase64(room.state),
          synced_revision_id: room.syncedRevisionId,
          synced_state: toBase64(room.syncedState),
          pending_contributors: JSON.stringify(room.pendingContributors),
          updated_at: now(),
        })
        .execute()
    },
    async append(documentId, updates) {
      if (updates.length === 0) return
      const at = now()
      await db
        .insertInto('collab_update')
        .values(
          updates.map((u) => ({
            document_id: documentId,
            seq: u.seq,
            update_data: toBase64(u.update),
            person_id: u.personId,
            created_at: at,
          })),
        )
        .execute()
    },
    async compact(documentId, state, upToSeq, pendingContributors) {
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('collab_state')
          .set({
            state: toBase64(state),
            pending_contributors: JSON.stringify(pendingContributors),
            updated_at: now(),
          })
          .where('document_id', '=', documentId)
          .execute()
        await tx
          .deleteFrom('collab_update')
          .where('document_id', '=', documentId)
          .where('seq', '<=', upToSeq)
          .execute()
      })
    },
    async setSynced(documentId, revisionId, syncedState, pendingContributors) {
      await db
        .updateTable('collab_state')
        .set({
          synced_revision_id: revisionId,
          synced_state: toBase64(syncedState),
          pending_contributors: JSON.stringify(pendingContributors),
          updated_at: now(),
        })
        .where('document_id', '=', documentId)
        .execute()
    },
  }
}
