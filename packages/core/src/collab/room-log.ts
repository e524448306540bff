/**
 * A room's side of its store (store.ts): the update log's sequence numbers, how much was logged
 * since the last compaction, and the synced revision. The room calls it from its one queue only,
 * so numbering never interleaves.
 */
import type { CollabStore, StoredRoom } from './store'

export class RoomLog {
  private seq = 0
  /** Updates logged since the state was last compacted. */
  private loggedSince = 0

  constructor(
    private readonly store: CollabStore,
    private readonly documentId: string,
  ) {}

  /** The stored room, with the log's numbering picked up where it ends; null if there is none yet. */
  async load(): Promise<StoredRoom | null> {
    const stored = await this.store.load(this.documentId)
    if (stored) {
      this.seq = stored.updates.at(-1)?.seq ?? 0
      this.loggedSince = stored.updates.length
    }
    return stored
  }

  create(room: Omit<StoredRoom, 'updates'>): Promise<void> {
    return this.store.create(this.documentId, room)
  }

  /**
   * Stores updates in one write, numbered on from the last. If the write fails nothing was stored,
   * so their numbers are given back and the error thrown.
   */
  async append(entries: { update: Uint8Array; personId: string }[]): Promise<void> {
    const rows = entries.map((e) => ({ seq: ++this.seq, update: e.update, personId: e.personId }))
    try {
      await this.store.append(this.documentId, rows)
    } catch (error) {
      this.seq -= rows.length
      throw error
    }
    this.loggedSince += rows.length
  }

  /** How many updates were logged since the last compaction. */
  get uncompacted(): number {
    return this.loggedSince
  }

  /** Replaces the log so far with `state`. */
  async compact(state: Uint8Array, pendingContributors: string[]): Promise<void> {
    await this.store.compact(this.documentId, state, this.seq, pendingContributors)
    this.loggedSince = 0
  }

  setSynced(revisionId: string, syncedState: Uint8Array, pendingContributors: string[]): Promise<void> {
    return this.store.setSynced(this.documentId, revisionId, syncedState, pendingContributors)
  }
}
