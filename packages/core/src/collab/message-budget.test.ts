import { describe, expect, it } from 'vitest'
import { MessageBudget } from './message-budget'

const limit = { messagesPerSecond: 10, messageBurst: 5, bytesPerSecond: 100, byteBurst: 300 }

describe('a connection’s message budget', () => {
  it('allows a burst, refuses the message after it, and refills with time', () => {
    let now = 0
    const budget = new MessageBudget(limit, () => now)
    for (let i = 0; i < 5; i++) expect(budget.spend(1)).toBe(true)
    expect(budget.spend(1)).toBe(false)
    now += 100 // a tenth of a second: one message back
    expect(budget.spend(1)).toBe(true)
    expect(budget.spend(1)).toBe(false)
    now += 10_000 // refills only up to the burst
    for (let i = 0; i < 5; i++) expect(budget.spend(1)).toBe(true)
    expect(budget.spend(1)).toBe(false)
  })

  it('counts bytes too: one large message is allowed, a stream of them is not', () => {
    let now = 0
    const budget = new MessageBudget(limit, () => now)
    expect(budget.spend(250)).toBe(true)
    expect(budget.spend(100)).toBe(false)
    now += 500 // 50 bytes back
    expect(budget.spend(100)).toBe(true)
  })
})
