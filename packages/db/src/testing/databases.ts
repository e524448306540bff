import { sql } from 'kysely'
import { createDb } from '../create-db'
import { bumpCacheVersion, type Db, migrateToLatest } from '../index'

/** A database a test suite runs against: SQLite always, MySQL/MariaDB when MYSQL_URL is set. */
export interface TestDatabase {
  name: 'sqlite' | 'mysql'
  /** A migrated database with no rows in it. */
  fresh(): Promise<Db>
  close(): Promise<void>
}

const TABLES_IN_DELETE_ORDER = [
  'search_index',
  'attachment',
  'collab_update',
  'collab_state',
  'revision_contributor',
  'topic_visit',
  'publication_consent',
  'publication_request',
  'password_reset',
  'rate_limit',
  'audit_event',
  'email_outbox',
  'notification',
  'follow',
  'comment_edit',
  'comment',
  'link',
  'document_presence',
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
] as const

function sqliteTarget(): TestDatabase {
  let current: Db | undefined
  return {
    name: 'sqlite',
    async fresh() {
      await current?.destroy()
      current = await createDb('sqlite::memory:')
      await migrateToLatest(current)
      return current
    },
    async close() {
      await current?.destroy()
      current = undefined
    },
  }
}

/**
 * One throw-away database per suite (so that test files can run in parallel), migrated once and
 * emptied between tests.
 */
function mysqlTarget(serverUrl: string): TestDatabase {
  const name = `hub_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  let db: Db | undefined
  let admin: Db | undefined
  return {
    name: 'mysql',
    async fresh() {
      if (!db) {
        admin = await createDb(serverUrl)
        await sql`create database ${sql.id(name)} character set utf8mb4 collate utf8mb4_bin`.execute(admin)
        db = await createDb(url.toString())
        await migrateToLatest(db)
        return db
      }
      for (const table of TABLES_IN_DELETE_ORDER) await db.deleteFrom(table).execute()
      // The groups are gone: answers cached from the Register are stale.
      await bumpCacheVersion(db, 'register')
      return db
    },
    async close() {
      await db?.destroy()
      if (admin) {
        await sql`drop database if exists ${sql.id(name)}`.execute(admin)
        await admin.destroy()
      }
      db = undefined
      admin = undefined
    },
  }
}

export function testDatabases(): TestDatabase[] {
  const targets = [sqliteTarget()]
  if (process.env.MYSQL_URL) targets.push(mysqlTarget(process.env.MYSQL_URL))
  return targets
}
