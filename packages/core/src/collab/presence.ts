/**
 * Who is in a room and where their cursors are: the y-protocols awareness the room relays. A
 * connection speaks only for the Yjs clients it introduced, under the name the hub knows (see
 * `speakFor`), and its clients' states go when it leaves. Separate from the room's state machine
 * (room.ts) because nothing in it is stored, queued or saved: it only follows who is connected.
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { type CollabPeer, encodeAwareness, speakFor } from './protocol'

export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness
  /** The Yjs client ids each connection introduced, in the order they joined. */
  private readonly clientIds = new Map<CollabPeer, Set<number>>()
  /** Which connection introduced each Yjs client id seen in awareness. */
  private readonly clientOwners = new Map<number, CollabPeer>()

  /** `broadcast` sends a message to everyone connected. */
  constructor(doc: Y.Doc, broadcast: (message: Uint8Array) => void) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    // The server never has a cursor of its own.
    this.awareness.setLocalState(null)
    this.awareness.on(
      'update',
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        const changed = [...added, ...updated, ...removed]
        const ids = this.clientIds.get(origin as CollabPeer)
        if (ids) {
          for (const id of added) {
            ids.add(id)
            this.clientOwners.set(id, origin as CollabPeer)
          }
          for (const id of removed) {
            ids.delete(id)
            this.clientOwners.delete(id)
          }
        }
        broadcast(encodeAwareness(this.awareness, changed))
      },
    )
  }

  /** Follows a new connection; returns the awareness it should be sent, if anyone has any. */
  join(peer: CollabPeer): Uint8Array | null {
    this.clientIds.set(peer, new Set())
    const states = [...this.awareness.getStates().keys()]
    return states.length > 0 ? encodeAwareness(this.awareness, states) : null
  }

  /** Everyone's awareness, for a peer that asks for it. */
  all(): Uint8Array {
    return encodeAwareness(this.awareness, [...this.awareness.getStates().keys()])
  }

  /**
   * Awareness (cursors, names) from readers too, with the name the hub knows, not one they chose;
   * a connection may speak only for the Yjs clients it introduced, not for someone else's.
   */
  receive(peer: CollabPeer, update: Uint8Array): void {
    const rewritten = speakFor(peer, update, this.clientOwners)
    if (rewritten) awarenessProtocol.applyAwarenessUpdate(this.awareness, rewritten, peer)
  }

  /** Forgets a connection and removes its clients' cursors for everyone else. */
  leave(peer: CollabPeer): void {
    const ids = this.clientIds.get(peer)
    if (!ids) return
    this.clientIds.delete(peer)
    for (const id of ids) this.clientOwners.delete(id)
    if (ids.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null)
  }
}
