import type { Kysely } from 'kysely'

/**
 * Co-hosted sessions: the visibility a draft will have once scheduled, the secret (hashed) address of a person's calendar feed, and the index
 * behind capacity counts and the waiting list (first come, first served).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // A draft is seen by its host groups only; the visibility chosen for it waits here until it is scheduled.
  await db.schema.alterTable('meeting').addColumn('intended_visibility', 'varchar(40)').execute()
  await db.schema.alterTable('person').addColumn('calendar_token_hash', 'varchar(64)').execute()
  await db.schema
    .createIndex('person_calendar_token')
    .on('person')
    .column('calendar_token_hash')
    .unique()
    .execute()
  await db.schema
    .createIndex('signup_by_status')
    .on('signup')
    .columns(['meeting_id', 'status', 'updated_at'])
    .execute()
  await db.schema.createIndex('signup_confirm_token').on('signup').column('confirm_token_hash').execute()
  await db.schema.createIndex('meeting_by_start').on('meeting').columns(['starts_at', 'id']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('meeting_by_start').on('meeting').execute()
  await db.schema.dropIndex('signup_confirm_token').on('signup').execute()
  await db.schema.dropIndex('signup_by_status').on('signup').execute()
  await db.schema.dropIndex('person_calendar_token').on('person').execute()
  await db.schema.alterTable('person').dropColumn('calendar_token_hash').execute()
  await db.schema.alterTable('meeting').dropColumn('intended_visibility').execute()
}
