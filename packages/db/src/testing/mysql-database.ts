import { sql } from 'kysely'
import { createDb } from '../create-db'

/** A new, empty database on the MYSQL_URL server; returns its URL. Dropped when the process exits. */
export async function createMysqlDatabase(prefix = 'hub_test'): Promise<string> {
  const serverUrl = process.env.MYSQL_URL
  if (!serverUrl) throw new Error('MYSQL_URL is not set')
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const admin = await createDb(serverUrl)
  await sql`create database ${sql.id(name)} character set utf8mb4 collate utf8mb4_bin`.execute(admin)
  await admin.destroy()
  dropOnExit.push(name)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

const dropOnExit: string[] = []

/** Drops the databases this process made; call from afterAll. */
export async function dropMysqlDatabases(): Promise<void> {
  if (!process.env.MYSQL_URL || dropOnExit.length === 0) return
  const admin = await createDb(process.env.MYSQL_URL)
  for (const name of dropOnExit.splice(0)) await sql`drop database if exists ${sql.id(name)}`.execute(admin)
  await admin.destroy()
}
