/**
 * Vitess's transaction pool: connections owned by one session at a time (an open transaction or
 * session settings), with a limit and a wait for a free one, as vttablet's `tx_pool` has.
 */
import { type Connection, type ConnectionOptions, createConnection } from 'mysql2'
import { run } from './mysql'

export class TransactionPool {
  private idle: Connection[] = []
  private total = 0
  private waiters: Array<{
    resolve: (c: Connection) => void
    reject: (e: Error) => void
    timer: NodeJS.Timeout
  }> = []
  private broken = new WeakSet<Connection>()
  private closed = false

  constructor(
    private readonly config: ConnectionOptions,
    private readonly init: string[],
    private readonly max: number,
    private readonly timeoutMs: number,
  ) {}

  async acquire(): Promise<Connection> {
    if (this.closed) throw new Error('server is closing')
    for (let c = this.idle.pop(); c; c = this.idle.pop()) {
      if (!this.broken.has(c)) return c
      this.total--
      c.destroy()
    }
    if (this.total < this.max) return this.create()
    return new Promise((resolve, reject) => {
      const waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter)
          reject(new PoolExhaustedError())
        }, this.timeoutMs),
      }
      this.waiters.push(waiter)
    })
  }

  /** Back to the pool if `clean` (no open transaction, no session state), otherwise closed. */
  release(conn: Connection, clean: boolean): void {
    if (clean && !this.closed && !this.broken.has(conn)) {
      const waiter = this.waiters.shift()
      if (waiter) {
        clearTimeout(waiter.timer)
        waiter.resolve(conn)
      } else this.idle.push(conn)
      return
    }
    this.total--
    conn.destroy()
    const waiter = this.waiters.shift()
    if (waiter) {
      clearTimeout(waiter.timer)
      this.create().then(waiter.resolve, waiter.reject)
    }
  }

  async end(): Promise<void> {
    this.closed = true
    for (const w of this.waiters) {
      clearTimeout(w.timer)
      w.reject(new Error('server is closing'))
    }
    this.waiters = []
    await Promise.all(this.idle.map((c) => new Promise<void>((resolve) => c.end(() => resolve()))))
    this.idle = []
  }

  private async create(): Promise<Connection> {
    this.total++
    try {
      const conn = createConnection(this.config)
      conn.on('error', () => this.broken.add(conn))
      await new Promise<void>((resolve, reject) => conn.connect((err) => (err ? reject(err) : resolve())))
      for (const sql of this.init) await run(conn, sql)
      return conn
    } catch (err) {
      this.total--
      throw err
    }
  }
}

export class PoolExhaustedError extends Error {
  constructor() {
    super('transaction pool connection limit exceeded')
  }
}
