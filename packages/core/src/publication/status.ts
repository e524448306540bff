/**
 * The states of a publication request, in the manner of the handshake's (`handshake/status.ts`,
 * whose `effectiveStatus` it shares): `pending` → `approved` (every participant group consented) |
 * `declined` (with a reason) | `withdrawn` (the requesting group thought better of it) | `expired`;
 * and `approved` → `withdrawn` when any participant group later withdraws its consent, which takes
 * the item out of public view. Nothing else.
 */
import type { PublicationStatus } from '@appg-hub/db'
import { conflict } from '../errors'

export type PublicationStep = 'approve' | 'decline' | 'cancel' | 'withdrawConsent'

const FROM: Record<PublicationStep, PublicationStatus> = {
  approve: 'pending',
  decline: 'pending',
  cancel: 'pending',
  withdrawConsent: 'approved',
}

/** Why a request in `status` cannot take `step`, in words for the person trying; null when it can. */
export function publicationRefusal(status: PublicationStatus, step: PublicationStep): string | null {
  if (FROM[step] === status) return null
  if (step === 'withdrawConsent')
    return status === 'pending'
      ? 'This publication has not been approved yet: decline it instead.'
      : 'This item is not public by consent now, so there is no consent to withdraw.'
  switch (status) {
    case 'approved':
      return 'This publication was already approved by every group.'
    case 'declined':
      return 'This publication was already declined.'
    case 'withdrawn':
      return 'This publication request was withdrawn.'
    case 'expired':
      return 'This publication request expired without every group’s answer; ask again.'
    default:
      return 'This publication request cannot take that step.'
  }
}

/** Throws a CONFLICT saying why the request cannot take `step`. */
export function assertPublicationStep(status: PublicationStatus, step: PublicationStep): void {
  const why = publicationRefusal(status, step)
  if (why) throw conflict(why)
}

/** The unique `pending_key` that keeps one open request per item. */
export function publicationPendingKey(itemType: string, itemId: string): string {
  return `${itemType}:${itemId}`
}
