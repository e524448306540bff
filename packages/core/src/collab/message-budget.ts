/**
 * How much one connection may send to a live room: token buckets of messages and of bytes, each
 * refilled continuously up to its burst. In memory, per connection: a connection lives in one
 * process (Node) or one Durable Object, so unlike the database-held limits in `ratelimit.ts` it
 * needs no shared counter, and a check costs nothing beside each message.
 *
 * A typist sends an update and a cursor move per keystroke (a few dozen messages a second at
 * most); a paste is one large message. The defaults leave them far below the limit and stop a
 * client that floods the room with updates, each of which would otherwise be stored and relayed.
 */
export interface MessageLimit {
  /** Messages a second, sustained. */
  messagesPerSecond: number
  /** Messages allowed at once (a reconnect's sync, a burst of typing). */
  messageBurst: number
  /** Bytes a second, sustained. */
  bytesPerSecond: number
  /** Bytes allowed at once: at least the largest single message (a pasted report). */
  byteBurst: number
}

export const DEFAULT_MESSAGE_LIMIT: MessageLimit = {
  messagesPerSecond: 200,
  messageBurst: 600,
  bytesPerSecond: 4 * 1024 * 1024,
  byteBurst: 32 * 1024 * 1024,
}

export class MessageBudget {
  private messages: number
  private bytes: number
  private at: number

  constructor(
    private readonly limit: MessageLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.messages = limit.messageBurst
    this.bytes = limit.byteBurst
    this.at = now()
  }

  /** Spends one message of `size` bytes; false when either bucket is empty (the message is refused). */
  spend(size: number): boolean {
    const now = this.now()
    const seconds = Math.max(0, now - this.at) / 1000
    this.at = now
    this.messages = Math.min(this.limit.messageBurst, this.messages + seconds * this.limit.messagesPerSecond)
    this.bytes = Math.min(this.limit.byteBurst, this.bytes + seconds * this.limit.bytesPerSecond)
    if (this.messages < 1 || this.bytes < size) return false
    this.messages -= 1
    this.bytes -= size
    return true
  }
}
