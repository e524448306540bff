/**
 * The messages of the live-editing socket: y-websocket's framing (y-protocols sync and awareness)
 * and this hub's "Save version" request and answers, with the close codes the room uses.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { Actor } from '../context'
import type { CollabMode } from './access'

/** y-websocket's message types, and this hub's own "Save version" request and answers. */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_QUERY_AWARENESS = 3
/** Client → server: [64, note (varString)]. Server → client: [64, revision number] or [65, message]. */
export const MESSAGE_SAVE_VERSION = 64
export const MESSAGE_SAVE_VERSION_FAILED = 65

/**
 * WebSocket close codes sent to people whose access ended, whose write could not be stored, or
 * whose connection sent more than its budget (`message-budget.ts`).
 */
export const CLOSE_ACCESS_ENDED = 4403
export const CLOSE_STORE_FAILED = 1011
export const CLOSE_TOO_MANY_MESSAGES = 4429

export interface CollabPeer {
  readonly actor: Actor
  mode: CollabMode
  send(data: Uint8Array): void
  close(code: number, reason: string): void
  /** Checks the peer's session is still valid (signed out, expired, erased → false). */
  signInValid(): Promise<boolean>
}

export function encodeSync(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(encoder)
}

export function encodeString(type: number, text: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  encoding.writeVarString(encoder, text)
  return encoding.toUint8Array(encoder)
}

/** "Save version" answered: the revision's number (0 when nothing needed saving). */
export function encodeSaved(revisionNumber: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SAVE_VERSION)
  encoding.writeVarUint(encoder, revisionNumber)
  return encoding.toUint8Array(encoder)
}

/**
 * Awareness (cursors, names) as `peer` may send it: with the name the hub knows, not one they
 * chose, and only for the Yjs clients it introduced (`owners`), not for someone else's. Null when
 * nothing is left.
 */
export function speakFor(
  peer: CollabPeer,
  update: Uint8Array,
  owners: ReadonlyMap<number, CollabPeer>,
): Uint8Array | null {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: { clientId: number; clock: number; state: string }[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const state = JSON.parse(decoding.readVarString(decoder)) as Record<string, unknown> | null
    const owner = owners.get(clientId)
    if (owner && owner !== peer) continue
    if (state && typeof state === 'object') {
      const user = typeof state.user === 'object' && state.user ? (state.user as Record<string, unknown>) : {}
      state.user = {
        ...user,
        id: peer.actor.id,
        name: peer.actor.displayName,
        readOnly: peer.mode !== 'read-write',
      }
    }
    entries.push({ clientId, clock, state: JSON.stringify(state) })
  }
  if (entries.length === 0) return null
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId)
    encoding.writeVarUint(encoder, e.clock)
    encoding.writeVarString(encoder, e.state)
  }
  return encoding.toUint8Array(encoder)
}
