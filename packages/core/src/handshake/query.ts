/** Reading invitations with everything their lists and notifications show, in one query. */
import type { Db, InvitationStatus, ItemType } from '@appg-hub/db'
import { sql } from 'kysely'
import { effectiveStatus } from './status'

/** An invitation joined to both groups, both people and its item's title (whatever the item type). */
export function invitationQuery(db: Db) {
  return db
    .selectFrom('invitation as i')
    .innerJoin('appg as fromGroup', 'fromGroup.id', 'i.from_appg_id')
    .innerJoin('appg as toGroup', 'toGroup.id', 'i.to_appg_id')
    .innerJoin('person as sender', 'sender.id', 'i.sent_by')
    .leftJoin('person as answerer', 'answerer.id', 'i.answered_by')
    .leftJoin('topic as itemTopic', (join) =>
      join.onRef('itemTopic.id', '=', 'i.item_id').on('i.item_type', '=', 'topic'),
    )
    .leftJoin('meeting as itemSession', (join) =>
      join.onRef('itemSession.id', '=', 'i.item_id').on('i.item_type', '=', 'meeting'),
    )
    .leftJoin('document as itemDocument', (join) =>
      join.onRef('itemDocument.id', '=', 'i.item_id').on('i.item_type', '=', 'document'),
    )
    .select([
      'i.id',
      'i.item_type',
      'i.item_id',
      'i.from_appg_id',
      'i.to_appg_id',
      'i.message',
      'i.reply',
      'i.status',
      'i.created_at',
      'i.answered_at',
      'i.expires_at',
      'fromGroup.slug as fromSlug',
      'fromGroup.title as fromTitle',
      'toGroup.slug as toSlug',
      'toGroup.title as toTitle',
      'sender.display_name as senderName',
      'answerer.display_name as answererName',
      sql<string>`coalesce(${sql.ref('itemTopic.title')}, ${sql.ref('itemSession.title')}, ${sql.ref('itemDocument.title')}, '')`.as(
        'itemTitle',
      ),
    ])
}

export type InvitationRow = Awaited<ReturnType<ReturnType<typeof invitationQuery>['execute']>>[number]

/** An invitation as the API shows it. */
export interface InvitationView {
  id: string
  itemType: ItemType
  itemId: string
  itemTitle: string
  from: { slug: string; title: string }
  to: { slug: string; title: string }
  status: InvitationStatus
  message: string | null
  reply: string | null
  createdAt: string
  answeredAt: string | null
  expiresAt: string
  sentBy: { name: string }
  answeredBy: { name: string } | null
}

export function invitationView(row: InvitationRow, now: string): InvitationView {
  return {
    id: row.id,
    itemType: row.item_type,
    itemId: row.item_id,
    itemTitle: row.itemTitle,
    from: { slug: row.fromSlug, title: row.fromTitle },
    to: { slug: row.toSlug, title: row.toTitle },
    status: effectiveStatus(row, now),
    message: row.message,
    reply: row.reply,
    createdAt: row.created_at,
    answeredAt: row.answered_at,
    expiresAt: row.expires_at,
    sentBy: { name: row.senderName },
    answeredBy: row.answererName ? { name: row.answererName } : null,
  }
}
