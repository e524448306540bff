import type { Kysely } from 'kysely'
import { createTable, ID, SHORT, TIME } from './helpers'

/**
 * Joint work as one shared space, and publication by consent.
 *
 * - `document.topic_id` and `shares_topic` on sessions and documents: an item created in a topic
 *   takes the topic's participant groups as its own (`shares_topic = 1`, and groups that join the
 *   topic later join it too), or is kept to a subset of them (`0`).
 * - `document.published_revision_id`: the approved revision the public reads; later saves are a
 *   working draft until the next approval.
 * - `publication_request` and `publication_consent`: making an item public (or publishing a
 *   document) is a request every participant group's officers approve.
 * - `topic_visit`: when each person last opened a topic's page, for "new since my last visit".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('document').addColumn('topic_id', ID).execute()
  await db.schema
    .alterTable('document')
    .addColumn('shares_topic', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.alterTable('document').addColumn('published_revision_id', ID).execute()
  await db.schema
    .alterTable('meeting')
    .addColumn('shares_topic', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('document_by_topic').on('document').column('topic_id').execute()

  await createTable(db, 'publication_request', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('item_type', SHORT, (c) => c.notNull())
      .addColumn('item_id', ID, (c) => c.notNull())
      .addColumn('visibility', SHORT, (c) => c.notNull())
      .addColumn('revision_id', ID)
      .addColumn('status', SHORT, (c) => c.notNull())
      // `item_type:item_id` while pending, else null: one open request per item.
      .addColumn('pending_key', 'varchar(80)', (c) => c.unique())
      .addColumn('from_appg_id', ID, (c) => c.notNull())
      .addColumn('requested_by', ID, (c) => c.notNull())
      .addColumn('message', 'text')
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('expires_at', TIME, (c) => c.notNull())
      .addColumn('decided_at', TIME)
      .addColumn('decided_by', ID)
      .addColumn('decided_appg_id', ID)
      .addColumn('reason', 'text'),
  )
  await db.schema
    .createIndex('publication_request_by_item')
    .on('publication_request')
    .columns(['item_type', 'item_id', 'created_at'])
    .execute()
  await createTable(db, 'publication_consent', (t) =>
    t
      .addColumn('request_id', ID, (c) => c.notNull())
      .addColumn('appg_id', ID, (c) => c.notNull())
      .addColumn('person_id', ID, (c) => c.notNull())
      .addColumn('at', TIME, (c) => c.notNull())
      .addPrimaryKeyConstraint('publication_consent_pk', ['request_id', 'appg_id']),
  )
  await createTable(db, 'topic_visit', (t) =>
    t
      .addColumn('person_id', ID, (c) => c.notNull())
      .addColumn('topic_id', ID, (c) => c.notNull())
      .addColumn('seen_at', TIME, (c) => c.notNull())
      .addPrimaryKeyConstraint('topic_visit_pk', ['person_id', 'topic_id']),
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('topic_visit').execute()
  await db.schema.dropTable('publication_consent').execute()
  await db.schema.dropIndex('publication_request_by_item').on('publication_request').execute()
  await db.schema.dropTable('publication_request').execute()
  await db.schema.dropIndex('document_by_topic').on('document').execute()
  await db.schema.alterTable('meeting').dropColumn('shares_topic').execute()
  await db.schema.alterTable('document').dropColumn('published_revision_id').execute()
  await db.schema.alterTable('document').dropColumn('shares_topic').execute()
  await db.schema.alterTable('document').dropColumn('topic_id').execute()
}
