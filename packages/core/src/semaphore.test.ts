import { describe, expect, it } from 'vitest'
import { Semaphore } from './semaphore'

describe('Semaphore', () => {
  it('runs at most `concurrency` tasks at once, in order, and refuses beyond the queue', async () => {
    const gate = new Semaphore(2, 3, () => new Error('full'))
    let inFlight = 0
    let most = 0
    const order: number[] = []
    const releases: (() => void)[] = []
    const task = (n: number) =>
      gate.run(async () => {
        inFlight++
        most = Math.max(most, inFlight)
        await new Promise<void>((resolve) => releases.push(resolve))
        order.push(n)
        inFlight--
        return n
      })
    const runs = [1, 2, 3, 4, 5].map(task)
    expect(gate.active).toBe(2)
    expect(gate.queued).toBe(3)
    await expect(task(6)).rejects.toThrow('full')
    while (order.length < 5) {
      await new Promise((resolve) => setTimeout(resolve, 1))
      releases.shift()?.()
    }
    expect(await Promise.all(runs)).toEqual([1, 2, 3, 4, 5])
    expect(most).toBe(2)
    expect(order).toEqual([1, 2, 3, 4, 5])
    expect(gate.active).toBe(0)
  })

  it('frees its slot when a task fails', async () => {
    const gate = new Semaphore(1, 1, () => new Error('full'))
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await gate.run(async () => 'next')).toBe('next')
    expect(gate.active).toBe(0)
  })
})
