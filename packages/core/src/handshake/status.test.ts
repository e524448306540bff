import type { InvitationStatus } from '@appg-hub/db'
import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors'
import { effectiveStatus, type HandshakeAction, transition } from './status'

const NOW = '2026-07-01T12:00:00.000Z'
const LATER = '2026-07-15T12:00:00.000Z'

describe('the handshake state machine', () => {
  it('moves a pending invitation to the outcome of each action', () => {
    expect(transition('pending', 'accept', LATER)).toBe('accepted')
    expect(transition('pending', 'decline', LATER)).toBe('declined')
    expect(transition('pending', 'withdraw', LATER)).toBe('withdrawn')
  })

  const finals: InvitationStatus[] = ['accepted', 'declined', 'withdrawn', 'expired']
  const actions: HandshakeAction[] = ['accept', 'decline', 'withdraw']
  for (const status of finals) {
    for (const action of actions) {
      it(`refuses to ${action} an invitation that is ${status}, with a CONFLICT that says so`, () => {
        try {
          transition(status, action, NOW)
          throw new Error('expected a refusal')
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError)
          expect((error as DomainError).code).toBe('CONFLICT')
          expect((error as DomainError).message).toContain(status === 'expired' ? 'expired' : status)
        }
      })
    }
  }

  it('treats a pending invitation past its expiry as expired, and leaves others alone', () => {
    expect(effectiveStatus({ status: 'pending', expires_at: NOW }, NOW)).toBe('expired')
    expect(effectiveStatus({ status: 'pending', expires_at: LATER }, NOW)).toBe('pending')
    expect(effectiveStatus({ status: 'accepted', expires_at: NOW }, LATER)).toBe('accepted')
    expect(effectiveStatus({ status: 'withdrawn', expires_at: NOW }, LATER)).toBe('withdrawn')
  })
})
