import type { Kysely } from 'kysely'
import { createTable, ID, TIME } from './helpers'

/** Password reset links: one-time, short-lived, stored only as a hash. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'password_reset', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('person_id', ID, (c) => c.notNull())
      .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('expires_at', TIME, (c) => c.notNull())
      .addColumn('used_at', TIME),
  )
  await db.schema.createIndex('password_reset_by_person').on('password_reset').column('person_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('password_reset').execute()
}
