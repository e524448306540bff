/** An item's pending invitations (to groups not yet taking part), as a sub-query of the item's read. */
import { type Db, type ItemType, jsonAgg, parseJsonArray } from '@appg-hub/db'
import { sql } from 'kysely'

export interface PendingInvitation {
  id: string
  slug: string
  title: string
  createdAt: string
  expiresAt: string
  message: string | null
}

/**
 * The invitations still open at `now` to the item whose id is the column `idColumn`, aggregated as
 * JSON (`parseJsonArray<PendingInvitation>`): for the item's page, read in the same query.
 */
export function pendingInvitationsOf(db: Db, type: ItemType, idColumn: string, now: string) {
  return db
    .selectFrom('invitation')
    .innerJoin('appg', 'appg.id', 'invitation.to_appg_id')
    .select(
      jsonAgg(db, {
        id: 'invitation.id',
        slug: 'appg.slug',
        title: 'appg.title',
        createdAt: 'invitation.created_at',
        expiresAt: 'invitation.expires_at',
        message: 'invitation.message',
      }).as('pending'),
    )
    .where('invitation.item_type', '=', type)
    .where('invitation.item_id', '=', sql.ref<string>(idColumn))
    .where('invitation.status', '=', 'pending')
    .where('invitation.expires_at', '>', now)
}

export interface PendingInvitationView {
  id: string
  group: { slug: string; title: string }
  createdAt: string
  expiresAt: string
  message: string | null
}

/** The aggregated column as the item's page shows it: oldest first. */
export function pendingInvitationsFrom(json: unknown): PendingInvitationView[] {
  return parseJsonArray<PendingInvitation>(json)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.slug.localeCompare(b.slug))
    .map((p) => ({
      id: p.id,
      group: { slug: p.slug, title: p.title },
      createdAt: p.createdAt,
      expiresAt: p.expiresAt,
      message: p.message,
    }))
}
