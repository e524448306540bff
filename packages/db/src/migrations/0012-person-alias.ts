import type { Kysely } from 'kysely'
import { createTable, ID, LONG_TEXT, SHORT, TIME } from './helpers'

/**
 * One person per real person. `person_alias`: a name (normalised, as the Register import keys it)
 * that stands for a person under another name ("baroness bennett" for Baroness Bennett of Manor
 * Castle), made by the import, from the repository's alias facts, or by a site administrator;
 * re-imports find the person by it, so merges are kept. `person_merge`: a site administrator's
 * merge of two people, with what it moved, so that it can be split again exactly.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'person_alias', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('name_key', 'varchar(200)', (c) => c.notNull().unique())
      .addColumn('person_id', ID, (c) => c.notNull())
      .addColumn('display_name', 'varchar(200)', (c) => c.notNull())
      .addColumn('source', SHORT, (c) => c.notNull())
      .addColumn('reason', 'varchar(500)', (c) => c.notNull())
      .addColumn('merge_id', ID)
      .addColumn('created_at', TIME, (c) => c.notNull()),
  )
  await db.schema.createIndex('person_alias_by_person').on('person_alias').column('person_id').execute()
  await db.schema.createIndex('person_alias_by_merge').on('person_alias').column('merge_id').execute()
  await createTable(db, 'person_merge', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('person_id', ID, (c) => c.notNull())
      .addColumn('merged_person_id', ID, (c) => c.notNull())
      /** The merged person's row as it was, and the ids of what moved to `person_id` (JSON). */
      .addColumn('details', LONG_TEXT, (c) => c.notNull())
      .addColumn('actor_id', ID)
      .addColumn('at', TIME, (c) => c.notNull())
      .addColumn('split_at', TIME),
  )
  await db.schema.createIndex('person_merge_by_person').on('person_merge').column('person_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('person_merge').execute()
  await db.schema.dropTable('person_alias').execute()
}
