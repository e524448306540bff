import type { Kysely } from 'kysely'
import { dropIndex } from './helpers'

/**
 * A group's sessions and documents in their lists' orders, id included to break ties, so that a
 * page is read off the index however many the group has (issue #14, `pnpm bench:growth`; the same
 * shape as `topic_by_appg_activity` in 0013). They replace `meeting_by_appg` and `document_by_appg`,
 * which lacked the id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('meeting_by_appg_start')
    .on('meeting')
    .columns(['appg_id', 'starts_at', 'id'])
    .execute()
  await dropIndex(db, 'meeting_by_appg', 'meeting')
  await db.schema
    .createIndex('document_by_appg_updated')
    .on('document')
    .columns(['appg_id', 'updated_at', 'id'])
    .execute()
  await dropIndex(db, 'document_by_appg', 'document')
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('document_by_appg').on('document').columns(['appg_id', 'updated_at']).execute()
  await dropIndex(db, 'document_by_appg_updated', 'document')
  await db.schema.createIndex('meeting_by_appg').on('meeting').columns(['appg_id', 'starts_at']).execute()
  await dropIndex(db, 'meeting_by_appg_start', 'meeting')
}
