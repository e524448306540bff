/**
 * The open rooms of one process (Node): one per document, opened by the first person to connect,
 * closed after the last one leaves. Several processes must route one document to one process
 * (README, "Live co-editing").
 */
import { CollabRoom, type RoomOptions } from './room'

export class CollabRooms {
  private readonly rooms = new Map<string, Promise<CollabRoom>>()

  constructor(private readonly options: RoomOptions) {}

  /** The document's room, opening it if needed (waiting for a closing one to finish first). */
  async get(documentId: string): Promise<CollabRoom> {
    for (;;) {
      const existing = this.rooms.get(documentId)
      if (!existing) break
      const room = await existing.catch(() => null)
      if (room && !room.isClosing) return room
      if (room) await room.close()
      if (this.rooms.get(documentId) === existing) this.rooms.delete(documentId)
    }
    const opening = CollabRoom.open(documentId, this.options).then((room) => {
      room.onEmpty = () => {
        if (this.rooms.get(documentId) === opening) this.rooms.delete(documentId)
      }
      return room
    })
    this.rooms.set(documentId, opening)
    opening.catch(() => {
      if (this.rooms.get(documentId) === opening) this.rooms.delete(documentId)
    })
    return opening
  }

  /** An open room, if the document is being edited in this process. */
  async peek(documentId: string): Promise<CollabRoom | null> {
    const room = await this.rooms.get(documentId)?.catch(() => null)
    return room && !room.isClosing ? room : null
  }

  get openCount(): number {
    return this.rooms.size
  }

  /** Writes every open room's unsaved edits (server shutdown). */
  async closeAll(): Promise<void> {
    const rooms = await Promise.all([...this.rooms.values()].map((r) => r.catch(() => null)))
    await Promise.all(rooms.map((r) => r?.close()))
  }
}
