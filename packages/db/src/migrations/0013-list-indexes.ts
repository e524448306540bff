import type { Kysely } from 'kysely'
import { dropIndex } from './helpers'

/**
 * Indexes for lists whose page must cost the same however many rows there are (issue #14, `pnpm
 * bench:growth`). `topic_by_appg_activity`: a group's own topics in the topic list's order, id
 * included to break ties, so that the page is read off the index (it replaces `topic_by_appg`).
 * `participant_by_appg_item`: a group's items of one kind straight from the index, without
 * reading the rows, and those it joined (not owns) as a range of their own (it replaces
 * `participant_by_appg`, which SQLite passed over for the primary key, covering but keyed by kind
 * alone, and so read every participant of that kind).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('topic_by_appg_activity')
    .on('topic')
    .columns(['appg_id', 'last_activity_at', 'id'])
    .execute()
  await dropIndex(db, 'topic_by_appg', 'topic')
  await db.schema
    .createIndex('participant_by_appg_item')
    .on('participant')
    .columns(['appg_id', 'item_type', 'is_owner', 'item_id'])
    .execute()
  await dropIndex(db, 'participant_by_appg', 'participant')
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('participant_by_appg')
    .on('participant')
    .columns(['appg_id', 'item_type'])
    .execute()
  await dropIndex(db, 'participant_by_appg_item', 'participant')
  await db.schema.createIndex('topic_by_appg').on('topic').columns(['appg_id', 'last_activity_at']).execute()
  await dropIndex(db, 'topic_by_appg_activity', 'topic')
}
