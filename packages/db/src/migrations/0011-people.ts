import type { Kysely } from 'kysely'

/**
 * Whether a person's hub participation may be shown on public group pages. Off by default: the
 * public page shows the Register as published, and hub participants only when they choose.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('person')
    .addColumn('list_publicly', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('person').dropColumn('list_publicly').execute()
}
