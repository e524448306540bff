/**
 * One live document: a Y.Doc whose Y.Text `body` is the document's Markdown, the people connected
 * to it, and the y-websocket protocol (y-protocols sync and awareness messages) spoken with them.
 * Framework-free: a transport (Node's `ws`, a Durable Object) hands in bytes and gets bytes out.
 *
 * Every change to the document goes through one queue, in order: updates from editors are stored
 * first (the store's log), then applied and relayed, so an update anyone has seen survives a
 * restart. Read-only people's updates are dropped before any of that. Revisions go through the
 * documents' save path when editing pauses, when the last person leaves and on "Save version";
 * revisions saved by others (the non-live save, restore) are merged into the live text as a Yjs
 * edit made from the revision the room last synced with, so concurrent live edits survive.
 *
 * The messages are framed in `protocol.ts`, revisions merged in `revision-merge.ts`, cursors and
 * names followed in `presence.ts` and the store's log numbered in `room-log.ts`. What stays here,
 * past the usual ~400 lines, is one state machine whose steps all share its state: the connected
 * peers and their access checks, the queue every change goes through, the contributors not yet in
 * a revision and the revision the room last synced with. Splitting it further would hand that state
 * around between files rather than separate concerns.
 */
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { Actor } from '../context'
import type { SaveResult } from '../documents/save'
import { saveLiveRevision } from '../documents/save'
import { type CollabMode, collabMode } from './access'
import { DEFAULT_MESSAGE_LIMIT, MessageBudget } from './message-budget'
import type { RoomOptions } from './options'
import { RoomPresence } from './presence'
import {
  CLOSE_ACCESS_ENDED,
  CLOSE_STORE_FAILED,
  CLOSE_TOO_MANY_MESSAGES,
  type CollabPeer,
  encodeSaved,
  encodeString,
  encodeSync,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SAVE_VERSION,
  MESSAGE_SAVE_VERSION_FAILED,
  MESSAGE_SYNC,
} from './protocol'
import { absorbUpdate, headRevision, lastEditor, rebaseOnSaved } from './revision-merge'
import { RoomLog } from './room-log'

export type { RoomOptions } from './options'
// The transports and tests name these here, beside the room.
export {
  CLOSE_ACCESS_ENDED,
  CLOSE_STORE_FAILED,
  CLOSE_TOO_MANY_MESSAGES,
  type CollabPeer,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SAVE_VERSION,
  MESSAGE_SAVE_VERSION_FAILED,
  MESSAGE_SYNC,
} from './protocol'

interface PeerState {
  checkedAt: number
  checking: Promise<boolean> | null
  budget: MessageBudget
}

const ORIGIN_REVISION = Symbol('revision')

export class CollabRoom {
  readonly doc = new Y.Doc()
  readonly text = this.doc.getText('body')
  private readonly peers = new Map<CollabPeer, PeerState>()
  /** People who left of their own accord: updates they sent before leaving are still stored. */
  private readonly departed = new WeakMap<CollabPeer, PeerState>()
  private readonly presence = new RoomPresence(this.doc, (message) => {
    for (const peer of this.peers.keys()) peer.send(message)
  })
  private queue: Promise<unknown> = Promise.resolve()
  private pending: { peer: CollabPeer; update: Uint8Array }[] = []
  private flushScheduled = false
  private readonly log: RoomLog
  private synced!: { revisionId: string; state: Uint8Array }
  /** People whose edits are not yet in a revision, with who last wrote first. */
  private contributors = new Set<string>()
  private knownActors = new Map<string, Actor>()
  private idleTimer: ReturnType<typeof setTimeout> | undefined
  private checkTimer: ReturnType<typeof setInterval> | undefined
  private closing: Promise<void> | null = null
  /** Set when the last person left and the room finished its last revision. */
  onEmpty: (() => void) | undefined

  private constructor(
    readonly documentId: string,
    private readonly options: RoomOptions,
  ) {
    this.log = new RoomLog(options.store, documentId)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const message = encodeSync((e) => syncProtocol.writeUpdate(e, update))
      for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message)
    })
  }

  /** Loads the room from the store, or seeds it from the document's head revision. */
  static async open(documentId: string, options: RoomOptions): Promise<CollabRoom> {
    const room = new CollabRoom(documentId, options)
    await room.load()
    room.checkTimer = setInterval(() => room.recheck(), options.accessCheckMs)
    return room
  }

  private async load() {
    const stored = await this.log.load()
    if (stored) {
      Y.applyUpdate(this.doc, stored.state, ORIGIN_REVISION)
      for (const u of stored.updates) {
        Y.applyUpdate(this.doc, u.update, ORIGIN_REVISION)
        this.contributors.add(u.personId)
      }
      for (const id of stored.pendingContributors) this.contributors.add(id)
      this.synced = { revisionId: stored.syncedRevisionId, state: stored.syncedState }
    } else {
      const head = await this.head()
      this.text.insert(0, head.body)
      const state = Y.encodeStateAsUpdate(this.doc)
      this.synced = { revisionId: head.id, state }
      await this.log.create({
        state,
        syncedRevisionId: head.id,
        syncedState: state,
        pendingContributors: [],
      })
    }
    await this.absorbHead()
  }

  has(peer: CollabPeer): boolean {
    return this.peers.has(peer)
  }

  get size(): number {
    return this.peers.size
  }

  get isClosing(): boolean {
    return this.closing !== null
  }

  /** Who is connected, once each, in the order they joined. */
  present(): { id: string; name: string; mode: CollabMode }[] {
    const seen = new Map<string, { id: string; name: string; mode: CollabMode }>()
    for (const peer of this.peers.keys())
      if (!seen.has(peer.actor.id))
        seen.set(peer.actor.id, { id: peer.actor.id, name: peer.actor.displayName, mode: peer.mode })
    return [...seen.values()]
  }

  /** Adds a connection and starts the sync handshake, as y-websocket's own server does. */
  join(peer: CollabPeer): void {
    if (this.closing) throw new Error('The room is closing; open it again.')
    this.peers.set(peer, {
      checkedAt: Date.now(),
      checking: null,
      budget: new MessageBudget(this.options.messageLimit ?? DEFAULT_MESSAGE_LIMIT),
    })
    this.knownActors.set(peer.actor.id, peer.actor)
    peer.send(encodeSync((e) => syncProtocol.writeSyncStep1(e, this.doc)))
    const awareness = this.presence.join(peer)
    if (awareness) peer.send(awareness)
  }

  /**
   * A message from a peer, in y-websocket's framing. Malformed messages close the connection, and
   * so does a flood: past its budget a connection is closed (4429) before the message is read,
   * rather than have every update stored and relayed. Its client may reconnect and sync again.
   */
  receive(peer: CollabPeer, data: Uint8Array): void {
    const state = this.peers.get(peer)
    if (!state) return
    if (!state.budget.spend(data.byteLength)) {
      this.sendAway(peer, CLOSE_TOO_MANY_MESSAGES, 'Too many messages from this connection; slow down.')
      return
    }
    try {
      const decoder = decoding.createDecoder(data)
      const type = decoding.readVarUint(decoder)
      if (type === MESSAGE_SYNC) this.receiveSync(peer, decoder)
      else if (type === MESSAGE_AWARENESS) this.presence.receive(peer, decoding.readVarUint8Array(decoder))
      else if (type === MESSAGE_QUERY_AWARENESS) peer.send(this.presence.all())
      else if (type === MESSAGE_SAVE_VERSION) this.receiveSaveVersion(peer, decoding.readVarString(decoder))
    } catch {
      this.sendAway(peer, 1003, 'That message could not be read.')
    }
  }

  private receiveSync(peer: CollabPeer, decoder: decoding.Decoder) {
    const kind = decoding.readVarUint(decoder)
    if (kind === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder)
      peer.send(encodeSync((e) => syncProtocol.writeSyncStep2(e, this.doc, stateVector)))
      return
    }
    if (kind !== syncProtocol.messageYjsSyncStep2 && kind !== syncProtocol.messageYjsUpdate) return
    const update = decoding.readVarUint8Array(decoder)
    // A reader's edits are dropped here: never stored, applied or relayed.
    if (peer.mode !== 'read-write') return
    this.pending.push({ peer, update })
    if (!this.flushScheduled) {
      this.flushScheduled = true
      this.enqueue(() => this.flush())
    }
  }

  private receiveSaveVersion(peer: CollabPeer, note: string) {
    if (peer.mode !== 'read-write') {
      peer.send(encodeString(MESSAGE_SAVE_VERSION_FAILED, 'Only editors can save a version.'))
      return
    }
    const trimmed = note.trim().slice(0, 500) || null
    this.enqueue(async () => {
      try {
        const result = await this.writeRevision(peer.actor, trimmed)
        peer.send(encodeSaved(result?.revision.number ?? 0))
      } catch (error) {
        this.options.onError?.(error)
        peer.send(encodeString(MESSAGE_SAVE_VERSION_FAILED, 'The version could not be saved; try again.'))
      }
    })
  }

  /** Stores the waiting updates in one write, then applies and relays them. */
  private async flush() {
    this.flushScheduled = false
    const batch = this.pending.splice(0)
    const writeRecheckMs = this.options.writeRecheckMs ?? 2 * this.options.accessCheckMs
    const stale = new Set(
      batch
        .map((item) => item.peer)
        .filter((peer) => Date.now() - (this.stateOf(peer)?.checkedAt ?? 0) > writeRecheckMs),
    )
    await Promise.all([...stale].map((peer) => this.checkPeer(peer)))
    // Someone who sent an edit and closed the tab at once has left by now: their edit still counts.
    const accepted = batch.filter((item) => this.stateOf(item.peer) && item.peer.mode === 'read-write')
    if (accepted.length === 0) return
    try {
      await this.log.append(accepted.map((a) => ({ update: a.update, personId: a.peer.actor.id })))
    } catch (error) {
      // Not stored, so not applied: the editors keep the edits and send them again on reconnect.
      this.options.onError?.(error)
      for (const a of accepted) {
        if (this.peers.has(a.peer))
          this.sendAway(a.peer, CLOSE_STORE_FAILED, 'Your edit could not be stored; reconnecting.')
      }
      return
    }
    for (const a of accepted) {
      Y.applyUpdate(this.doc, a.update, a.peer)
      this.contributors.delete(a.peer.actor.id)
      this.contributors.add(a.peer.actor.id)
    }
    this.scheduleIdleSave()
    if (this.log.uncompacted >= (this.options.compactEvery ?? 500)) await this.compact()
  }

  private scheduleIdleSave() {
    clearTimeout(this.idleTimer)
    this.idleTimer = setTimeout(() => {
      this.enqueue(() => this.writeRevision(null, null))
    }, this.options.idleSaveMs)
  }

  private compact() {
    return this.log.compact(Y.encodeStateAsUpdate(this.doc), [...this.contributors])
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T | undefined> {
    const run = this.queue.then(task).catch((error) => {
      this.options.onError?.(error)
      return undefined
    })
    this.queue = run
    return run
  }

  private head() {
    return headRevision(this.options.db, this.documentId)
  }

  /**
   * Merges a revision saved outside the room (documents.save, restore, a rename) into the live
   * text. A clean three-way merge by words (base: the revision the room last synced with) is applied as an
   * edit, so a change the live text already holds is not made twice; overlapping changes are made
   * as a Yjs edit on the synced revision's state instead, which merges with what was typed
   * meanwhile like any concurrent edit: both sides are kept.
   */
  private async absorbHead(): Promise<void> {
    const head = await this.head()
    if (head.id === this.synced.revisionId) return
    const { update, syncedState } = absorbUpdate(this.doc, this.synced.state, head.body)
    await this.log.append([{ update, personId: head.authorId }])
    Y.applyUpdate(this.doc, update, ORIGIN_REVISION)
    this.synced = { revisionId: head.id, state: syncedState }
    await this.log.setSynced(head.id, this.synced.state, [...this.contributors])
  }

  /**
   * Writes the live text as a revision, if anyone edited since the last (or a note is given).
   * `by` is who asked ("Save version"); otherwise the last editor who still may edit.
   */
  async writeRevision(
    by: Actor | null,
    note: string | null,
  ): Promise<Exclude<SaveResult, { status: 'conflict' }> | null> {
    clearTimeout(this.idleTimer)
    await this.absorbHead()
    if (this.contributors.size === 0 && !note) return null
    for (let attempt = 0; attempt < 3; attempt++) {
      const body = this.text.toString()
      const snapshot = Y.encodeStateAsUpdate(this.doc)
      const author = by ?? (await this.revisionAuthor())
      if (!author) return null
      const contributors = [...this.contributors]
      const result = await saveLiveRevision(
        { db: this.options.db, clock: this.options.clock, config: this.options.config, actor: author },
        { id: this.documentId, baseRevisionId: this.synced.revisionId, body, contributors, note },
      )
      if (result.status === 'conflict') {
        // Someone saved between our look at the head and our save: merge theirs in and retry.
        await this.absorbHead()
        continue
      }
      let synced = snapshot
      if (result.status === 'merged') {
        const rebased = await rebaseOnSaved(this.options.db, snapshot, result.revision.id)
        await this.log.append([{ update: rebased.update, personId: author.id }])
        Y.applyUpdate(this.doc, rebased.update, ORIGIN_REVISION)
        synced = rebased.syncedState
      }
      this.synced = { revisionId: result.revision.id, state: synced }
      for (const id of contributors) this.contributors.delete(id)
      await this.log.setSynced(result.revision.id, synced, [...this.contributors])
      return result
    }
    return null
  }

  /** The most recent contributor who may still edit (their edits are what the revision holds). */
  private revisionAuthor(): Promise<Actor | null> {
    return lastEditor(this.options.db, this.documentId, [...this.contributors].reverse(), this.knownActors)
  }

  /** Checks one person's session and access again; closes the connection when either ended. */
  private checkPeer(peer: CollabPeer): Promise<boolean> {
    const state = this.stateOf(peer)
    if (!state) return Promise.resolve(false)
    state.checking ??= (async () => {
      let mode: CollabMode | null = null
      try {
        mode = (await peer.signInValid())
          ? await collabMode(this.options.db, peer.actor, this.documentId)
          : null
      } catch (error) {
        // The database is unreachable: keep the connection, check again next time.
        this.options.onError?.(error)
        state.checking = null
        return true
      }
      state.checking = null
      state.checkedAt = Date.now()
      if (!mode) {
        if (this.peers.has(peer))
          this.sendAway(peer, CLOSE_ACCESS_ENDED, 'Your access to this document has ended.')
        else this.departed.delete(peer)
        return false
      }
      peer.mode = mode
      return true
    })()
    return state.checking
  }

  private recheck() {
    for (const peer of this.peers.keys()) void this.checkPeer(peer)
    // Looking at the head is a database read: outside the queue, so that edits do not wait for it
    // (on Workers it is a round trip to PlanetScale); merging a new head goes through the queue.
    this.head().then(
      (head) => {
        if (head.id !== this.synced.revisionId && !this.closing) this.enqueue(() => this.absorbHead())
      },
      (error) => this.options.onError?.(error),
    )
  }

  private stateOf(peer: CollabPeer): PeerState | undefined {
    return this.peers.get(peer) ?? this.departed.get(peer)
  }

  /**
   * Closes a connection the room refuses (access ended, a flood, a malformed message, a failed
   * write): what it sent and is not yet stored is dropped; its client sends it again on reconnect.
   */
  private sendAway(peer: CollabPeer, code: number, reason: string): void {
    this.leave(peer)
    this.departed.delete(peer)
    peer.close(code, reason)
  }

  /** Removes a connection; the last one out writes the revision and closes the room. */
  leave(peer: CollabPeer): void {
    const state = this.peers.get(peer)
    if (!state) return
    this.peers.delete(peer)
    this.departed.set(peer, state)
    this.presence.leave(peer)
    if (this.peers.size === 0) void this.close()
  }

  /** Writes what is unsaved, compacts the log and stops the timers. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.checkTimer)
      clearTimeout(this.idleTimer)
      await this.enqueue(async () => {
        await this.writeRevision(null, null)
        if (this.log.uncompacted > 0) await this.compact()
      })
      clearTimeout(this.idleTimer)
      for (const peer of [...this.peers.keys()]) peer.close(1001, 'The document was closed.')
      this.peers.clear()
      this.doc.destroy()
      this.onEmpty?.()
    })()
    return this.closing
  }

  /** The document's text as everyone connected sees it now. */
  toString(): string {
    return this.text.toString()
  }
}
