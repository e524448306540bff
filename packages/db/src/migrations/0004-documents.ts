import type { Kysely } from 'kysely'
import { createTable, ID, TIME } from './helpers'

/**
 * Documents co-edited by several groups: who has a document open (presence, polled), and the
 * indexes behind the history and the link lists.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'document_presence', (t) =>
    t
      .addColumn('document_id', ID, (c) => c.notNull())
      .addColumn('person_id', ID, (c) => c.notNull())
      .addColumn('last_seen_at', TIME, (c) => c.notNull())
      .addPrimaryKeyConstraint('document_presence_pk', ['document_id', 'person_id']),
  )
  await db.schema
    .createIndex('link_from_origin')
    .on('link')
    .columns(['from_type', 'from_id', 'origin'])
    .execute()
  await db.schema.createIndex('document_by_updated').on('document').columns(['updated_at', 'id']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('document_by_updated').on('document').execute()
  await db.schema.dropIndex('link_from_origin').on('link').execute()
  await db.schema.dropTable('document_presence').execute()
}
