import type { Kysely } from 'kysely'
import { createTable, ID, SHORT, TIME } from './helpers'

/**
 * Files attached to topics, sessions, documents and comments. The bytes live in a file store (a
 * folder on Node, R2 on Workers) under `storage_key`; each row is one version, and the versions of
 * a file share `chain_id` (the first version's id). Deletion is soft: `deleted_at` hides a chain.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'attachment', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('item_type', SHORT, (c) => c.notNull())
      .addColumn('item_id', ID, (c) => c.notNull())
      // The item's owner group when uploaded: the quota is counted per group without joins.
      .addColumn('appg_id', ID, (c) => c.notNull())
      .addColumn('chain_id', ID, (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('name', 'varchar(255)', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('media_type', 'varchar(100)', (c) => c.notNull())
      .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
      .addColumn('storage_key', 'varchar(100)', (c) => c.notNull())
      .addColumn('uploaded_by', ID, (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('deleted_at', TIME)
      .addColumn('deleted_by', ID),
  )
  await db.schema
    .createIndex('attachment_by_item')
    .on('attachment')
    .columns(['item_type', 'item_id'])
    .execute()
  await db.schema
    .createIndex('attachment_by_chain')
    .on('attachment')
    .columns(['chain_id', 'version'])
    .execute()
  await db.schema.createIndex('attachment_by_group').on('attachment').column('appg_id').execute()
  await db.schema.createIndex('attachment_by_uploader').on('attachment').column('uploaded_by').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('attachment').execute()
}
