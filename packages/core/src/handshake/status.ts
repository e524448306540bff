/**
 * The handshake's states (docs/architecture.md §2): `pending` → `accepted` | `declined` | `withdrawn` |
 * `expired`, and nothing after that. An invitation still marked pending after its expiry time is
 * expired, whether or not that has been written down yet. Publication requests (`publication/`)
 * share `effectiveStatus`.
 */
import type { InvitationStatus } from '@appg-hub/db'
import { conflict } from '../errors'
import { formatLondonDateTime } from '../sessions/london'

export type HandshakeAction = 'accept' | 'decline' | 'withdraw'

const OUTCOME: Record<HandshakeAction, InvitationStatus> = {
  accept: 'accepted',
  decline: 'declined',
  withdraw: 'withdrawn',
}

export function effectiveStatus<S extends string>(
  invitation: { status: S; expires_at: string },
  now: string,
): S | 'expired' {
  return invitation.status === 'pending' && invitation.expires_at <= now ? 'expired' : invitation.status
}

/** Why an invitation in `status` cannot take `action`, in words for the person trying; null when it can. */
export function refusal(status: InvitationStatus, action: HandshakeAction, expiresAt: string): string | null {
  if (status === 'pending') return null
  const verb = action === 'withdraw' ? 'withdrawn' : 'answered'
  switch (status) {
    case 'accepted':
      return `This invitation was already accepted, so it can no longer be ${verb}.`
    case 'declined':
      return `This invitation was already declined, so it can no longer be ${verb}.`
    case 'withdrawn':
      return `This invitation was withdrawn by the group that sent it, so it can no longer be ${verb}.`
    case 'expired':
      return `This invitation expired on ${formatLondonDateTime(expiresAt)} without an answer, so it can no longer be ${verb}.`
  }
}

/** The state after `action`, or a CONFLICT saying why the invitation cannot take it. */
export function transition(
  status: InvitationStatus,
  action: HandshakeAction,
  expiresAt: string,
): InvitationStatus {
  const why = refusal(status, action, expiresAt)
  if (why) throw conflict(why)
  return OUTCOME[action]
}

/** The unique `pending_key` that keeps one open invitation per item and group. */
export function pendingKey(itemType: string, itemId: string, toAppgId: string): string {
  return `${itemType}:${itemId}:${toAppgId}`
}
