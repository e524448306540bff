import type { Kysely } from 'kysely'
import { createTable, ID, LONG_TEXT, SHORT, TIME } from './helpers'

/**
 * The complete domain of docs/architecture.md §2. No foreign-key constraints: PlanetScale allows them only where
 * enabled per database, so integrity is kept by the application inside transactions, and every
 * referencing column is indexed instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'person', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('email', 'varchar(254)', (c) => c.unique())
      .addColumn('display_name', 'varchar(200)', (c) => c.notNull())
      .addColumn('kind', SHORT, (c) => c.notNull())
      .addColumn('organisation', 'varchar(300)')
      .addColumn('party', 'varchar(100)')
      .addColumn('mnis_id', SHORT)
      .addColumn('twfy_id', 'varchar(100)')
      .addColumn('register_key', 'varchar(200)', (c) => c.unique())
      .addColumn('password_hash', 'varchar(300)')
      .addColumn('is_site_admin', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('email_preference', SHORT, (c) => c.notNull().defaultTo('immediate'))
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .addColumn('erased_at', TIME),
  )

  await createTable(db, 'appg', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
      .addColumn('title', 'varchar(400)', (c) => c.notNull())
      .addColumn('purpose', 'text')
      .addColumn('category', 'varchar(100)')
      .addColumn('registered_contact_name', 'varchar(300)')
      .addColumn('registered_contact_address', 'text')
      .addColumn('registered_contact_email', 'varchar(300)')
      .addColumn('public_enquiry_point_name', 'varchar(300)')
      .addColumn('public_enquiry_point_email', 'varchar(300)')
      .addColumn('secretariat', 'text')
      .addColumn('website_url', 'varchar(500)')
      .addColumn('agm_date', SHORT)
      .addColumn('agm_statement_published', 'integer')
      .addColumn('agm_reporting_year', 'varchar(100)')
      .addColumn('agm_next_deadline', SHORT)
      .addColumn('registrable_benefits', 'text')
      .addColumn('status', SHORT, (c) => c.notNull())
      .addColumn('register_edition', SHORT)
      .addColumn('source_url', 'varchar(500)')
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull()),
  )

  await createTable(db, 'appg_tag', (t) =>
    t
      .addColumn('appg_id', ID, (c) => c.notNull())
      .addColumn('tag', 'varchar(100)', (c) => c.notNull())
      .addPrimaryKeyConstraint('appg_tag_pk', ['appg_id', 'tag']),
  )
  await db.schema.createIndex('appg_tag_by_tag').on('appg_tag').columns(['tag', 'appg_id']).execute()

  await createTable(db, 'benefit', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('appg_id', ID, (c) => c.notNull())
      .addColumn('source', 'text')
      .addColumn('description', 'text')
      .addColumn('value_band', 'varchar(100)')
      .addColumn('received', SHORT)
      .addColumn('registered', SHORT)
      .addColumn('benefit_type', 'varchar(100)')
      .addColumn('position', 'integer', (c) => c.notNull()),
  )
  await db.schema.createIndex('benefit_by_appg').on('benefit').columns(['appg_id', 'position']).execute()

  await createTable(db, 'membership', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('person_id', ID, (c) => c.notNull())
      .addColumn('appg_id', ID, (c) => c.notNull())
      .addColumn('role', SHORT, (c) => c.notNull())
      .addColumn('register_title', 'varchar(100)')
      .addColumn('source', SHORT, (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .addUniqueConstraint('membership_person_appg', ['person_id', 'appg_id']),
  )
  await db.schema.createIndex('membership_by_appg').on('membership').columns(['appg_id', 'role']).execute()

  await createTable(db, 'auth_session', (t) =>
    t
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('person_id', ID, (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('last_seen_at', TIME, (c) => c.notNull())
      .addColumn('expires_at', TIME, (c) => c.notNull())
      .addColumn('absolute_expires_at', TIME, (c) => c.notNull())
      .addColumn('user_agent', 'varchar(300)'),
  )
  await db.schema.createIndex('auth_session_by_person').on('auth_session').column('person_id').execute()

  await createTable(db, 'group_invite', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('appg_id', ID, (c) => c.notNull())
      .addColumn('email', 'varchar(254)', (c) => c.notNull())
      .addColumn('role', SHORT, (c) => c.notNull())
      .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('invited_by', ID, (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('expires_at', TIME, (c) => c.notNull())
      .addColumn('accepted_at', TIME)
      .addColumn('accepted_by', ID)
      .addColumn('revoked_at', TIME),
  )
  await db.schema
    .createIndex('group_invite_by_appg')
    .on('group_invite')
    .columns(['appg_id', 'created_at'])
    .execute()

  await createTable(db, 'topic', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('appg_id', ID, (c) => c.notNull())
      .addColumn('title', 'varchar(300)', (c) => c.notNull())
      .addColumn('summary', LONG_TEXT, (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('visibility', SHORT, (c) => c.notNull())
      .addColumn('status', SHORT, (c) => c.notNull())
      .addColumn('created_by', ID, (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .addColumn('last_activity_at', TIME, (c) => c.notNull()),
  )
  await db.schema.createIndex('topic_by_appg').on('topic').columns(['appg_id', 'last_activity_at']).execute()

  await createTable(db, 'participant', (t) =>
    t
      .addColumn('item_type', SHORT, (c) => c.notNull())
      .addColumn('item_id', ID, (c) => c.notNull())
      .addColumn('appg_id', ID, (c) => c.notNull())
      .addColumn('is_owner', 'integer', (c) => c.notNull())
      .addColumn('joined_at', TIME, (c) => c.notNull())
      .addPrimaryKeyConstraint('participant_pk', ['item_type', 'item_id', 'appg_id']),
  )
  await db.schema
    .createIndex('participant_by_appg')
    .on('participant')
    .columns(['appg_id', 'item_type'])
    .execute()

  await createTable(db, 'invitation', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('item_type', SHORT, (c) => c.notNull())
      .addColumn('item_id', ID, (c) => c.notNull())
      .addColumn('from_appg_id', ID, (c) => c.notNull())
      .addColumn('to_appg_id', ID, (c) => c.notNull())
      .addColumn('message', 'text')
      .addColumn('reply', 'text')
      .addColumn('status', SHORT, (c) => c.notNull())
      .addColumn('pending_key', 'varchar(120)', (c) => c.unique())
      .addColumn('sent_by', ID, (c) => c.notNull())
      .addColumn('answered_by', ID)
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('answered_at', TIME)
      .addColumn('expires_at', TIME, (c) => c.notNull()),
  )
  await db.schema
    .createIndex('invitation_to')
    .on('invitation')
    .columns(['to_appg_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('invitation_from')
    .on('invitation')
    .columns(['from_appg_id', 'created_at'])
    .execute()
  await db.schema.createIndex('invitation_item').on('invitation').columns(['item_type', 'item_id']).execute()

  await createTable(db, 'meeting', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('appg_id', ID, (c) => c.notNull())
      .addColumn('topic_id', ID)
      .addColumn('title', 'varchar(300)', (c) => c.notNull())
      .addColumn('description', LONG_TEXT, (c) => c.notNull())
      .addColumn('starts_at', TIME, (c) => c.notNull())
      .addColumn('ends_at', TIME, (c) => c.notNull())
      .addColumn('place', 'varchar(300)')
      .addColumn('online_url', 'varchar(500)')
      .addColumn('visibility', SHORT, (c) => c.notNull())
      .addColumn('capacity', 'integer')
      .addColumn('status', SHORT, (c) => c.notNull())
      .addColumn('cancel_reason', 'text')
      .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', ID, (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull()),
  )
  await db.schema.createIndex('meeting_by_appg').on('meeting').columns(['appg_id', 'starts_at']).execute()
  await db.schema.createIndex('meeting_by_topic').on('meeting').column('topic_id').execute()

  await createTable(db, 'agenda_item', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('meeting_id', ID, (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', 'varchar(300)', (c) => c.notNull())
      .addColumn('speakers', 'text')
      .addColumn('duration_minutes', 'integer', (c) => c.notNull())
      .addColumn('notes', 'text'),
  )
  await db.schema
    .createIndex('agenda_by_meeting')
    .on('agenda_item')
    .columns(['meeting_id', 'position'])
    .execute()

  await createTable(db, 'signup', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('meeting_id', ID, (c) => c.notNull())
      .addColumn('person_id', ID)
      .addColumn('name', 'varchar(200)')
      .addColumn('email', 'varchar(254)')
      .addColumn('status', SHORT, (c) => c.notNull())
      .addColumn('confirm_token_hash', 'varchar(64)', (c) => c.unique())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .addUniqueConstraint('signup_meeting_person', ['meeting_id', 'person_id']),
  )
  await db.schema.createIndex('signup_by_person').on('signup').column('person_id').execute()

  await createTable(db, 'document', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('appg_id', ID, (c) => c.notNull())
      .addColumn('kind', SHORT, (c) => c.notNull())
      .addColumn('title', 'varchar(300)', (c) => c.notNull())
      .addColumn('status', SHORT, (c) => c.notNull())
      .addColumn('visibility', SHORT, (c) => c.notNull())
      .addColumn('head_revision_id', ID)
      .addColumn('head_number', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', ID, (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull()),
  )
  await db.schema.createIndex('document_by_appg').on('document').columns(['appg_id', 'updated_at']).execute()

  await createTable(db, 'revision', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('document_id', ID, (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('body', LONG_TEXT, (c) => c.notNull())
      .addColumn('author_id', ID, (c) => c.notNull())
      .addColumn('base_revision_id', ID)
      .addColumn('merged', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addUniqueConstraint('revision_document_number', ['document_id', 'number']),
  )

  await createTable(db, 'link', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('from_type', SHORT, (c) => c.notNull())
      .addColumn('from_id', ID, (c) => c.notNull())
      .addColumn('to_type', SHORT, (c) => c.notNull())
      .addColumn('to_id', ID, (c) => c.notNull())
      .addColumn('link_type', SHORT, (c) => c.notNull())
      .addColumn('origin', SHORT, (c) => c.notNull())
      .addColumn('created_by', ID, (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull()),
  )
  await db.schema.createIndex('link_from').on('link').columns(['from_type', 'from_id']).execute()
  await db.schema.createIndex('link_to').on('link').columns(['to_type', 'to_id']).execute()

  await createTable(db, 'comment', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('item_type', SHORT, (c) => c.notNull())
      .addColumn('item_id', ID, (c) => c.notNull())
      .addColumn('parent_id', ID)
      .addColumn('author_id', ID, (c) => c.notNull())
      .addColumn('body', LONG_TEXT, (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('edited_at', TIME)
      .addColumn('deleted_at', TIME)
      .addColumn('hidden_at', TIME)
      .addColumn('hidden_by', ID)
      .addColumn('hidden_reason', 'text'),
  )
  await db.schema
    .createIndex('comment_by_item')
    .on('comment')
    .columns(['item_type', 'item_id', 'created_at'])
    .execute()

  await createTable(db, 'comment_edit', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('comment_id', ID, (c) => c.notNull())
      .addColumn('body', LONG_TEXT, (c) => c.notNull())
      .addColumn('edited_at', TIME, (c) => c.notNull()),
  )
  await db.schema.createIndex('comment_edit_by_comment').on('comment_edit').column('comment_id').execute()

  await createTable(db, 'follow', (t) =>
    t
      .addColumn('person_id', ID, (c) => c.notNull())
      .addColumn('item_type', SHORT, (c) => c.notNull())
      .addColumn('item_id', ID, (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addPrimaryKeyConstraint('follow_pk', ['person_id', 'item_type', 'item_id']),
  )
  await db.schema.createIndex('follow_by_item').on('follow').columns(['item_type', 'item_id']).execute()

  await createTable(db, 'notification', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('person_id', ID, (c) => c.notNull())
      .addColumn('kind', SHORT, (c) => c.notNull())
      .addColumn('item_type', SHORT)
      .addColumn('item_id', ID)
      .addColumn('appg_id', ID)
      .addColumn('actor_id', ID)
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('read_at', TIME)
      .addColumn('emailed_at', TIME),
  )
  await db.schema
    .createIndex('notification_by_person')
    .on('notification')
    .columns(['person_id', 'created_at'])
    .execute()

  await createTable(db, 'email_outbox', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('to_email', 'varchar(254)', (c) => c.notNull())
      .addColumn('subject', 'varchar(300)', (c) => c.notNull())
      .addColumn('body_text', LONG_TEXT, (c) => c.notNull())
      .addColumn('kind', SHORT, (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('sent_at', TIME)
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text'),
  )
  await db.schema.createIndex('email_outbox_by_created').on('email_outbox').column('created_at').execute()

  await createTable(db, 'audit_event', (t) =>
    t
      .addColumn('id', ID, (c) => c.primaryKey())
      .addColumn('at', TIME, (c) => c.notNull())
      .addColumn('actor_id', ID)
      .addColumn('action', 'varchar(100)', (c) => c.notNull())
      .addColumn('appg_id', ID)
      .addColumn('item_type', SHORT)
      .addColumn('item_id', ID)
      .addColumn('details', LONG_TEXT, (c) => c.notNull()),
  )
  await db.schema.createIndex('audit_by_appg').on('audit_event').columns(['appg_id', 'at']).execute()
  await db.schema.createIndex('audit_by_at').on('audit_event').column('at').execute()

  await createTable(db, 'rate_limit', (t) =>
    t
      .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
      .addColumn('window_start', TIME, (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull()),
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'rate_limit',
    'audit_event',
    'email_outbox',
    'notification',
    'follow',
    'comment_edit',
    'comment',
    'link',
    'revision',
    'document',
    'signup',
    'agenda_item',
    'meeting',
    'invitation',
    'participant',
    'topic',
    'group_invite',
    'auth_session',
    'membership',
    'benefit',
    'appg_tag',
    'appg',
    'person',
  ]) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
