import type { Kysely } from 'kysely'

/**
 * `person.list_publicly`: whether a person's hub participation may be shown on public group pages. Off by default: the
 * public page shows the Register as published, and hub participants only when they choose.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('person')
    .addColumn('list_publicly', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  // An invitation addressed to a person of the Register: accepting it links the account to them.
  await db.schema.alterTable('group_invite').addColumn('register_person_id', 'varchar(36)').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('group_invite').dropColumn('register_person_id').execute()
  await db.schema.alterTable('person').dropColumn('list_publicly').execute()
}
