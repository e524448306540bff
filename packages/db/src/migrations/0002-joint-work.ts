import type { Kysely } from 'kysely'
import { ID } from './helpers'

/**
 * Joint work across groups (topics, the handshake, comments, notifications): what the inbox needs
 * to link to its subject and to hide the words of a comment that moderators have hidden, and the
 * indexes behind the unread count, the digest, reply threads, invitation expiry and the dashboard.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite adds one column per ALTER TABLE.
  await db.schema.alterTable('notification').addColumn('comment_id', ID).execute()
  await db.schema.alterTable('notification').addColumn('link_path', 'varchar(500)').execute()
  await db.schema.alterTable('notification').addColumn('excerpt', 'text').execute()

  await db.schema
    .createIndex('notification_unread')
    .on('notification')
    .columns(['person_id', 'read_at'])
    .execute()
  await db.schema
    .createIndex('notification_unemailed')
    .on('notification')
    .columns(['emailed_at', 'person_id'])
    .execute()
  await db.schema.createIndex('comment_by_parent').on('comment').column('parent_id').execute()
  await db.schema
    .createIndex('invitation_pending')
    .on('invitation')
    .columns(['status', 'expires_at'])
    .execute()
  await db.schema.createIndex('topic_by_activity').on('topic').columns(['last_activity_at', 'id']).execute()
  await db.schema
    .createIndex('email_outbox_unsent')
    .on('email_outbox')
    .columns(['sent_at', 'created_at'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('email_outbox_unsent').on('email_outbox').execute()
  await db.schema.dropIndex('topic_by_activity').on('topic').execute()
  await db.schema.dropIndex('invitation_pending').on('invitation').execute()
  await db.schema.dropIndex('comment_by_parent').on('comment').execute()
  await db.schema.dropIndex('notification_unemailed').on('notification').execute()
  await db.schema.dropIndex('notification_unread').on('notification').execute()
  await db.schema.alterTable('notification').dropColumn('excerpt').execute()
  await db.schema.alterTable('notification').dropColumn('link_path').execute()
  await db.schema.alterTable('notification').dropColumn('comment_id').execute()
}
