/**
 * Bounds how many of one kind of task run at once, queueing the rest (first come, first served) and
 * refusing once the queue is full, so that a burst of costly work waits for itself instead of
 * taking every core from everything else.
 */
export class Semaphore {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(
    readonly concurrency: number,
    /** Tasks that may wait; beyond that `run` fails at once with `onFull()`. */
    readonly maxWaiting: number,
    private readonly onFull: () => Error,
  ) {}

  get active(): number {
    return this.running
  }

  get queued(): number {
    return this.waiting.length
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw this.onFull()
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    } else {
      this.running++
    }
    try {
      return await task()
    } finally {
      // Hand the slot straight to the next task, or free it.
      const next = this.waiting.shift()
      if (next) next()
      else this.running--
    }
  }
}
