/**
 * Live co-editing on Cloudflare Workers: one Durable Object per document (`CollabDocument`), using
 * the hibernatable WebSocket API. The Worker admits the upgrade (origin, sign-in cookie, rights:
 * the same `admitUpgrade` as on Node) and forwards it to the document's object with the person and
 * their mode in a header only the Worker can set (the object is reachable through the binding
 * only). The object keeps the Yjs state and update log in its own storage and writes revisions
 * through the Worker's database path (PlanetScale over HTTP).
 */
import { type Actor, type Clock, type HubConfig, systemClock, validateSignInToken } from '@appg-hub/core'
import type { CollabMode } from '@appg-hub/core/collab/access'
import { collabTimings } from '@appg-hub/core/collab/options'
import type { CollabPeer, CollabRoom } from '@appg-hub/core/collab/room'
import { CollabRooms } from '@appg-hub/core/collab/rooms'
import type { CollabStore, StoredRoom, StoredUpdate } from '@appg-hub/core/collab/store'
import { createKysely, type Db } from '@appg-hub/db'
import { createPlanetscaleDialect } from '@appg-hub/db/dialects/planetscale'
import { admitUpgrade } from './collab-auth'

/** The parts of the Workers runtime used here (the project does not depend on workers-types). */
interface HibernatableSocket {
  send(data: ArrayBuffer | Uint8Array | string): void
  close(code?: number, reason?: string): void
  serializeAttachment(value: unknown): void
  deserializeAttachment(): unknown
  readyState: number
}
interface DurableObjectStorage {
  get<T>(key: string): Promise<T | undefined>
  get<T>(keys: string[]): Promise<Map<string, T>>
  put(entries: Record<string, unknown>): Promise<void>
  delete(keys: string[]): Promise<number>
  list<T>(options: { prefix: string }): Promise<Map<string, T>>
  transaction<T>(run: (txn: DurableObjectStorage) => Promise<T>): Promise<T>
}
interface DurableObjectState {
  storage: DurableObjectStorage
  acceptWebSocket(ws: HibernatableSocket): void
  getWebSockets(): HibernatableSocket[]
  blockConcurrencyWhile<T>(run: () => Promise<T>): Promise<T>
}
interface DurableObjectNamespace {
  idFromName(name: string): unknown
  get(id: unknown): { fetch(request: Request): Promise<Response> }
}
declare const WebSocketPair: { new (): { 0: HibernatableSocket; 1: HibernatableSocket } }

export interface CollabWorkerEnv {
  DATABASE_URL: string
  COLLAB?: DurableObjectNamespace
  COLLAB_IDLE_SAVE_SECONDS?: string
}

const ADMISSION_HEADER = 'x-appg-collab-admission'

interface Admission {
  documentId: string
  actor: Actor
  mode: CollabMode
  token: string
}

/** In the Worker: admits (or refuses) an upgrade and hands it to the document's object. */
export async function forwardCollabUpgrade(
  request: Request,
  env: CollabWorkerEnv,
  deps: { db: Db; clock: Clock; config: HubConfig },
): Promise<Response> {
  const decision = await admitUpgrade(deps, request.url, request.headers)
  if (!decision.ok) return new Response(`${decision.message}\n`, { status: decision.status })
  if (!env.COLLAB) return new Response('Live editing is not configured.\n', { status: 503 })
  const admission: Admission = {
    documentId: decision.documentId,
    actor: decision.actor,
    mode: decision.mode,
    token: decision.token,
  }
  // A fresh request: nothing the caller sent reaches the object except the upgrade itself.
  const forwarded = new Request(request.url, {
    headers: { upgrade: 'websocket', [ADMISSION_HEADER]: JSON.stringify(admission) },
  })
  return env.COLLAB.get(env.COLLAB.idFromName(decision.documentId)).fetch(forwarded)
}

/** The object's own storage as the room's store: `state`, `synced`, and `u:<seq>` log entries. */
function durableStore(storage: DurableObjectStorage): CollabStore {
  const key = (seq: number) => `u:${String(seq).padStart(12, '0')}`
  interface Synced {
    revisionId: string
    state: Uint8Array
    pendingContributors: string[]
  }
  return {
    async load() {
      const [state, synced] = await Promise.all([
        storage.get<Uint8Array>('state'),
        storage.get<Synced>('synced'),
      ])
      if (!state || !synced) return null
      const log = await storage.list<{ update: Uint8Array; personId: string }>({ prefix: 'u:' })
      const updates: StoredUpdate[] = [...log].map(([k, v]) => ({
        seq: Number(k.slice(2)),
        update: v.update,
        personId: v.personId,
      }))
      const room: StoredRoom = {
        state,
        syncedRevisionId: synced.revisionId,
        syncedState: synced.state,
        pendingContributors: synced.pendingContributors,
        updates,
      }
      return room
    },
    async create(_documentId, room) {
      await storage.put({
        state: room.state,
        synced: { revisionId: room.syncedRevisionId, state: room.syncedState, pendingContributors: [] },
      })
    },
    async append(_documentId, updates) {
      const entries: Record<string, unknown> = {}
      for (const u of updates) entries[key(u.seq)] = { update: u.update, personId: u.personId }
      // At most 128 keys per put.
      const keys = Object.keys(entries)
      for (let i = 0; i < keys.length; i += 128)
        await storage.put(Object.fromEntries(keys.slice(i, i + 128).map((k) => [k, entries[k]])))
    },
    async compact(_documentId, state, upToSeq, pendingContributors) {
      await storage.transaction(async (txn) => {
        const log = await txn.list({ prefix: 'u:' })
        const drop = [...log.keys()].filter((k) => Number(k.slice(2)) <= upToSeq)
        for (let i = 0; i < drop.length; i += 128) await txn.delete(drop.slice(i, i + 128))
        const synced = await txn.get<Synced>('synced')
        await txn.put({ state, ...(synced ? { synced: { ...synced, pendingContributors } } : {}) })
      })
    },
    async setSynced(_documentId, revisionId, syncedState, pendingContributors) {
      await storage.put({ synced: { revisionId, state: syncedState, pendingContributors } })
    },
  }
}

/**
 * One document's live room. Connections are accepted with `acceptWebSocket`, so the runtime keeps
 * them across the object's hibernation; after waking, the room is loaded again from storage and
 * the connections rejoin it (each attachment holds the person, their mode and sign-in).
 *
 * The room is held through `CollabRooms`, as on Node, so that a room reopened while the previous
 * one is still writing its last revision waits for it: a room that loaded the storage before that
 * revision was written would take it for someone else's save and merge it back into the live text
 * (an edit undone after the revision would come back). Each connection leaves the room it joined,
 * never a newer one.
 */
export class CollabDocument {
  private rooms: CollabRooms | null = null
  private readonly peers = new Map<HibernatableSocket, { peer: CollabPeer; room: CollabRoom | null }>()
  private readonly db: Db

  constructor(
    private readonly state: DurableObjectState,
    private readonly env: CollabWorkerEnv & { PUBLIC_URL?: string },
  ) {
    this.db = createKysely(createPlanetscaleDialect(env.DATABASE_URL))
  }

  private roomsFor(): CollabRooms {
    const config: HubConfig = {
      publicUrl: this.env.PUBLIC_URL ?? '',
      demoMode: false,
      groupInviteTtlMs: 0,
      handshakeTtlMs: 0,
      collabIdleSaveMs: Number(this.env.COLLAB_IDLE_SAVE_SECONDS ?? 30) * 1000,
    }
    this.rooms ??= new CollabRooms({
      db: this.db,
      clock: systemClock,
      config,
      store: durableStore(this.state.storage),
      ...collabTimings(config),
      onError: (error) => console.error('[collab]', error),
    })
    return this.rooms
  }

  /** A socket's peer, made again from its attachment after hibernation. */
  private peerFor(ws: HibernatableSocket): { peer: CollabPeer; room: CollabRoom | null } | null {
    const known = this.peers.get(ws)
    if (known) return known
    const admission = ws.deserializeAttachment() as Admission | null
    if (!admission) return null
    const peer: CollabPeer = {
      actor: admission.actor,
      mode: admission.mode,
      send: (data) => {
        try {
          ws.send(data)
        } catch {
          // closed meanwhile
        }
      },
      close: (code, reason) => {
        this.peers.delete(ws)
        try {
          ws.close(code, reason)
        } catch {
          // already closed
        }
      },
      signInValid: async () =>
        (await validateSignInToken({ db: this.db, clock: systemClock }, admission.token)) !== null,
    }
    const entry = { peer, room: null }
    this.peers.set(ws, entry)
    return entry
  }

  /**
   * The room this socket is in, joining the open one (or opening it) if needed. Messages of one
   * socket are handled in order: a join in progress is shared.
   */
  private readonly joining = new Map<HibernatableSocket, Promise<CollabRoom | null>>()
  private roomOf(ws: HibernatableSocket): Promise<CollabRoom | null> {
    const entry = this.peerFor(ws)
    if (!entry) return Promise.resolve(null)
    if (entry.room?.has(entry.peer)) return Promise.resolve(entry.room)
    let joining = this.joining.get(ws)
    if (!joining) {
      const documentId = (ws.deserializeAttachment() as Admission).documentId
      joining = (async () => {
        for (;;) {
          const room = await this.roomsFor().get(documentId)
          // Closed, or sent away (access ended) meanwhile.
          if (this.peers.get(ws) !== entry) return null
          // The last person left between opening and joining: open it again.
          if (room.isClosing) continue
          room.join(entry.peer)
          entry.room = room
          return room
        }
      })().finally(() => this.joining.delete(ws))
      this.joining.set(ws, joining)
    }
    return joining
  }

  async fetch(request: Request): Promise<Response> {
    const header = request.headers.get(ADMISSION_HEADER)
    if (!header || request.headers.get('upgrade') !== 'websocket')
      return new Response('Not found.\n', { status: 404 })
    const admission = JSON.parse(header) as Admission
    const pair = new WebSocketPair()
    const server = pair[1]
    this.state.acceptWebSocket(server)
    server.serializeAttachment(admission)
    try {
      await this.roomOf(server)
    } catch (error) {
      console.error('[collab]', error)
      this.peers.delete(server)
      server.close(1011, 'The document could not be opened.')
    }
    return new Response(null, { status: 101, webSocket: pair[0] } as ResponseInit)
  }

  async webSocketMessage(ws: HibernatableSocket, message: ArrayBuffer | string): Promise<void> {
    if (typeof message === 'string') return
    // After hibernation the room is new: the connection joins it again (a fresh sync handshake).
    const room = await this.roomOf(ws)
    const entry = this.peers.get(ws)
    if (room && entry) room.receive(entry.peer, new Uint8Array(message))
  }

  async webSocketClose(ws: HibernatableSocket): Promise<void> {
    await this.leave(ws)
  }

  async webSocketError(ws: HibernatableSocket): Promise<void> {
    await this.leave(ws)
  }

  private async leave(ws: HibernatableSocket) {
    const entry = this.peers.get(ws)
    this.peers.delete(ws)
    // A join in progress finds the socket gone and joins nothing.
    await this.joining.get(ws)?.catch(() => null)
    const room = entry?.room
    if (!entry || !room) return
    room.leave(entry.peer)
    // Writing the last revision may outlive the socket: keep the object until it is done.
    if (room.size === 0) await room.close()
  }
}
