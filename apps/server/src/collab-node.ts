/**
 * Live co-editing on Node: WebSocket upgrades at /collab/documents/<id> on the HTTP server (`ws`),
 * admitted (or refused with a plain HTTP answer) before the upgrade, then handed to the process's
 * rooms. One process holds a document's room: see README, "Live co-editing", for several.
 */
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { type Clock, type HubConfig, validateSignInToken } from '@appg-hub/core'
import { collabTimings } from '@appg-hub/core/collab/options'
import type { CollabPeer } from '@appg-hub/core/collab/room'
import { CollabRooms } from '@appg-hub/core/collab/rooms'
import { databaseCollabStore } from '@appg-hub/core/collab/store'
import type { Db } from '@appg-hub/db'
import { WebSocket, WebSocketServer } from 'ws'
import { admitUpgrade, collabDocumentId } from './collab-auth'

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  426: 'Upgrade Required',
  503: 'Service Unavailable',
}

function refuse(socket: Duplex, status: number, message: string) {
  const body = `${message}\n`
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}

export interface NodeCollab {
  rooms: CollabRooms
  close(): Promise<void>
}

export function attachCollab(
  server: Server,
  deps: { db: Db; clock: Clock; config: HubConfig; onError?: (error: unknown) => void },
): NodeCollab {
  const onError = deps.onError ?? ((error: unknown) => console.error('[collab]', error))
  const rooms = new CollabRooms({
    db: deps.db,
    clock: deps.clock,
    config: deps.config,
    store: databaseCollabStore(deps.db, deps.clock),
    ...collabTimings(deps.config),
    onError,
  })
  // 16 MiB: a pasted 100-page report is well under it; y-websocket sends one update per edit.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 })

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`)
    if (!collabDocumentId(url.pathname)) return refuse(socket, 404, 'Not found.')
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers.set(name, value)
      else if (Array.isArray(value)) headers.set(name, value.join(', '))
    socket.on('error', () => socket.destroy())
    admitUpgrade(deps, url.href, headers).then(
      (decision) => {
        if (!decision.ok) return refuse(socket, decision.status, decision.message)
        wss.handleUpgrade(req, socket, head, (ws) => {
          const { actor, mode, token, documentId } = decision
          const peer: CollabPeer = {
            actor,
            mode,
            send: (data) => {
              if (ws.readyState === WebSocket.OPEN) ws.send(data)
            },
            close: (code, reason) => ws.close(code, reason),
            signInValid: async () => (await validateSignInToken(deps, token)) !== null,
          }
          // Messages that arrive while the room loads wait for it, in order.
          const early: Uint8Array[] = []
          let room: Awaited<ReturnType<CollabRooms['get']>> | null = null
          let closed = false
          ws.on('message', (data: Buffer) => {
            const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
            if (room) room.receive(peer, bytes)
            else early.push(bytes)
          })
          ws.on('close', () => {
            closed = true
            room?.leave(peer)
          })
          ws.on('error', () => ws.terminate())
          const enter = (): Promise<void> =>
            rooms.get(documentId).then((opened) => {
              if (closed) return
              // The last person left between opening and joining: open it again.
              if (opened.isClosing) return enter()
              room = opened
              opened.join(peer)
              for (const bytes of early.splice(0)) opened.receive(peer, bytes)
            })
          enter().catch((error) => {
            onError(error)
            ws.close(1011, 'The document could not be opened.')
          })
        })
      },
      (error) => {
        onError(error)
        refuse(socket, 503, 'The service is unavailable; try again shortly.')
      },
    )
  })

  return {
    rooms,
    async close() {
      await rooms.closeAll()
      for (const client of wss.clients) client.terminate()
      wss.close()
    },
  }
}
