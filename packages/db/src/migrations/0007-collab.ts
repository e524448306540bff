import type { Kysely } from 'kysely'
import { createTable, ID, LONG_TEXT, TIME } from './helpers'

/**
 * Live co-editing (Yjs). Per open document: its compacted Yjs state and the log of updates
 * accepted since (each stored before it is acknowledged, so a restart loses nothing), both as
 * base64 text so that every dialect stores them the same way. `synced_*` is the Yjs state whose
 * text is the revision last written from (or absorbed into) the live document: revisions saved by
 * others are merged into the live text from there. Revisions record who contributed and a note.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'collab_state', (t) =>
    t
      .addColumn('document_id', ID, (c) => c.primaryKey())
      .addColumn('state', LONG_TEXT, (c) => c.notNull())
      .addColumn('synced_revision_id', ID, (c) => c.notNull())
      .addColumn('synced_state', LONG_TEXT, (c) => c.notNull())
      // JSON array of person ids whose edits are not in a revision yet.
      .addColumn('pending_contributors', 'text', (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull()),
  )
  await createTable(db, 'collab_update', (t) =>
    t
      .addColumn('document_id', ID, (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('update_data', LONG_TEXT, (c) => c.notNull())
      .addColumn('person_id', ID, (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addPrimaryKeyConstraint('collab_update_pk', ['document_id', 'seq']),
  )
  await createTable(db, 'revision_contributor', (t) =>
    t
      .addColumn('revision_id', ID, (c) => c.notNull())
      .addColumn('person_id', ID, (c) => c.notNull())
      .addPrimaryKeyConstraint('revision_contributor_pk', ['revision_id', 'person_id']),
  )
  await db.schema.alterTable('revision').addColumn('note', 'varchar(500)').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('revision').dropColumn('note').execute()
  await db.schema.dropTable('revision_contributor').execute()
  await db.schema.dropTable('collab_update').execute()
  await db.schema.dropTable('collab_state').execute()
}
