/**
 * The stand-in driven by the real, unmodified `@planetscale/database` driver (and Kysely through
 * `kysely-planetscale`) against a throw-away database on the local MySQL/MariaDB.
 *
 * MySQL comes from PLANETSCALE_HTTP_TEST_MYSQL_URL or MYSQL_URL (as the other MySQL suites), else
 * mysql://root@127.0.0.1:3306/test if it is reachable (the suite skips if not). The suite creates
 * its own database on that server and drops it afterwards.
 */
import { Client, connect, DatabaseError } from '@planetscale/database'
import { type Generated, Kysely } from 'kysely'
import { PlanetScaleDialect } from 'kysely-planetscale'
import { createConnection, type Connection as MysqlConnection } from 'mysql2/promise'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPlanetscaleDialect } from '../../packages/db/src/dialects/planetscale'
import { type PlanetscaleHttp, startPlanetscaleHttp } from './server'

const EXPLICIT_MYSQL_URL = process.env.PLANETSCALE_HTTP_TEST_MYSQL_URL ?? process.env.MYSQL_URL
const BASE_MYSQL_URL = EXPLICIT_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test'
const DB_NAME = `psh_test_${process.pid}_${Date.now().toString(36)}`
const mysqlUrl = (() => {
  const u = new URL(BASE_MYSQL_URL)
  u.pathname = `/${DB_NAME}`
  return u.toString()
})()

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** `planetscale+http://u:p@host` → the `http://u:p@host` form `@planetscale/database` takes. */
const driverUrl = (server: PlanetscaleHttp) => server.url.replace(/^planetscale\+http:/, 'http:')

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

/** A MySQL named explicitly must be there; the default local one is optional (the suite skips). */
const reachable = await createConnection({ uri: BASE_MYSQL_URL }).then(
  async (c) => {
    await c.end()
    return true
  },
  (err: Error) => {
    if (EXPLICIT_MYSQL_URL) return true // let beforeAll fail with the reason
    console.warn(
      `planetscale-http: no MySQL at ${BASE_MYSQL_URL} (${err.message}); skipping. Set MYSQL_URL to run.`,
    )
    return false
  },
)

describe.skipIf(!reachable)('planetscale-http stand-in', () => {
  let admin: MysqlConnection
  let server: PlanetscaleHttp
  let url: string

  beforeAll(async () => {
    try {
      admin = await createConnection({ uri: BASE_MYSQL_URL, multipleStatements: true })
    } catch (err) {
      throw new Error(
        `planetscale-http tests need MySQL/MariaDB at ${BASE_MYSQL_URL}: ${(err as Error).message}`,
      )
    }
    await admin.query(`CREATE DATABASE \`${DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
    await admin.query(`USE \`${DB_NAME}\``)
    await admin.query(`
    CREATE TABLE every_type (
      id INT AUTO_INCREMENT PRIMARY KEY,
      i8 TINYINT, u8 TINYINT UNSIGNED, i16 SMALLINT, u16 SMALLINT UNSIGNED,
      i24 MEDIUMINT, u24 MEDIUMINT UNSIGNED, i32 INT, u32 INT UNSIGNED, i64 BIGINT, u64 BIGINT UNSIGNED,
      f32 FLOAT, f64 DOUBLE, dc DECIMAL(10,2),
      d DATE, dt DATETIME, dt3 DATETIME(3), ts TIMESTAMP NULL DEFAULT NULL, tm TIME, yr YEAR,
      ch CHAR(3), vc VARCHAR(50), tx TEXT, bl BLOB, bn BINARY(2), vb VARBINARY(10), bt BIT(8),
      en ENUM('a','b'), st SET('x','y'), js JSON
    );
    CREATE TABLE notes (
      id INT AUTO_INCREMENT PRIMARY KEY,
      slug VARCHAR(100) NOT NULL UNIQUE,
      body LONGTEXT
    );
    CREATE TABLE kx (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL);
  `)
    server = await startPlanetscaleHttp({ mysqlUrl, username: 'hub', password: 'pscale_pw_local' })
    url = driverUrl(server)
  }, 60_000)

  afterAll(async () => {
    await server?.close()
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``)
      await admin.end()
    }
  }, 60_000)

  async function count(table: string, where = '1=1'): Promise<number> {
    const [rows] = await admin.query(`SELECT COUNT(*) AS n FROM \`${DB_NAME}\`.${table} WHERE ${where}`)
    return Number((rows as Array<{ n: number }>)[0]!.n)
  }

  describe('planetscale-http: protocol', () => {
    it('answers CreateSession and Execute in the shape the driver decodes', async () => {
      const auth = `Basic ${btoa('hub:pscale_pw_local')}`
      const post = (path: string, body: unknown) =>
        fetch(`http://127.0.0.1:${server.port}/psdb.v1alpha1.Database/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: auth },
          body: JSON.stringify(body),
        })

      const created = await post('CreateSession', {})
      expect(created.status).toBe(200)
      const createdBody = await created.json()
      expect(createdBody.user.username).toBe('hub')
      expect(typeof createdBody.session.signature).toBe('string')
      expect(createdBody.session.vitessSession.autocommit).toBe(true)

      const res = await post('Execute', {
        query: "SELECT 'ab' AS s, NULL AS z, 7 AS n",
        session: createdBody.session,
      })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/json')
      const body = await res.json()
      expect(body.session.vitessSession.sessionUUID).toBe(createdBody.session.vitessSession.sessionUUID)
      expect(typeof body.timing).toBe('number')
      expect(body.result.fields.map((f: { name: string; type?: string }) => [f.name, f.type])).toEqual([
        ['s', 'VARCHAR'],
        ['z', undefined], // NULL_TYPE is protobuf's zero value: omitted, the driver reads it as 'NULL'
        ['n', expect.stringMatching(/^INT(32|64)$/)],
      ])
      expect(body.result.fields[0].charset).not.toBe(63)
      expect(body.result.rows).toEqual([
        { lengths: ['2', '-1', '1'], values: Buffer.from('ab7').toString('base64') },
      ])
      expect(body.result.rowsAffected).toBeUndefined()

      const write = await post('Execute', {
        query: "INSERT INTO notes (slug) VALUES ('proto')",
        session: body.session,
      })
      const writeBody = await write.json()
      expect(writeBody.result).toEqual({ rowsAffected: '1', insertId: expect.stringMatching(/^\d+$/) })
      expect(writeBody.session.vitessSession.lastInsertId).toBe(writeBody.result.insertId)

      const forged = structuredClone(writeBody.session)
      forged.vitessSession.inTransaction = true
      const rejected = await post('Execute', { query: 'SELECT 1', session: forged })
      expect(rejected.status).toBe(400)
      expect((await rejected.json()).code).toBe('invalid_argument')
    })

    it('rejects missing or wrong credentials with 401, through the driver too', async () => {
      const noAuth = await fetch(`http://127.0.0.1:${server.port}/psdb.v1alpha1.Database/Execute`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'SELECT 1', session: null }),
      })
      expect(noAuth.status).toBe(401)
      expect(await noAuth.json()).toMatchObject({ code: 'unauthenticated' })

      const wrongPassword = connect({ url: `http://hub:wrong@127.0.0.1:${server.port}` })
      const err = await wrongPassword.execute('SELECT 1').catch((e: unknown) => e)
      expect(err).toBeInstanceOf(DatabaseError)
      expect((err as DatabaseError).status).toBe(401)

      const wrongUser = new Client({ url: `http://someone:pscale_pw_local@127.0.0.1:${server.port}` })
      await expect(wrongUser.execute('SELECT 1')).rejects.toMatchObject({ status: 401 })
      await expect(
        connect({ url: `http://hub:wrong@127.0.0.1:${server.port}` }).refresh(),
      ).rejects.toMatchObject({
        status: 401,
      })
    })
  })

  describe('planetscale-http: values', () => {
    it('returns columns of every type with Vitess type names, decoded by the driver', async () => {
      const conn = connect({ url })
      const inserted = await conn.execute(
        `INSERT INTO every_type (i8, u8, i16, u16, i24, u24, i32, u32, i64, u64, f32, f64, dc, d, dt, dt3, ts, tm, yr,
         ch, vc, tx, bl, bn, vb, bt, en, st, js)
       VALUES (-128, 255, -32768, 65535, -8388608, 16777215, -2147483648, 4294967295,
         -9223372036854775808, 18446744073709551615, 1.5, 2.25, 12.5, '2024-02-29', '2024-02-29 13:14:15',
         '2024-02-29 13:14:15.123', '2024-02-29 13:14:15', '13:14:15', 2024, 'abc', 'héllo', 'text ✓',
         x'000102ff', x'abcd', x'0102', b'10100101', 'b', 'x,y', '{"a": [1, "two"], "b": null}')`,
      )
      const nulls = await conn.execute('INSERT INTO every_type () VALUES ()')
      const { rows, types, fields } = await conn.execute(
        'SELECT * FROM every_type WHERE id IN (?, ?) ORDER BY id',
        [inserted.insertId, nulls.insertId],
      )

      expect(types).toEqual({
        id: 'INT32',
        i8: 'INT8',
        u8: 'UINT8',
        i16: 'INT16',
        u16: 'UINT16',
        i24: 'INT24',
        u24: 'UINT24',
        i32: 'INT32',
        u32: 'UINT32',
        i64: 'INT64',
        u64: 'UINT64',
        f32: 'FLOAT32',
        f64: 'FLOAT64',
        dc: 'DECIMAL',
        d: 'DATE',
        dt: 'DATETIME',
        dt3: 'DATETIME',
        ts: 'TIMESTAMP',
        tm: 'TIME',
        yr: 'YEAR',
        ch: 'CHAR',
        vc: 'VARCHAR',
        tx: 'TEXT',
        bl: 'BLOB',
        bn: 'BINARY',
        vb: 'VARBINARY',
        bt: 'BIT',
        en: 'ENUM',
        st: 'SET',
        js: 'JSON',
      })
      const field = (name: string) => fields.find((f) => f.name === name)!
      expect(field('tx').charset).not.toBe(63)
      expect(field('vc').charset).not.toBe(63)
      expect(field('bl').charset).toBe(63)
      expect(field('i32')).toMatchObject({
        table: 'every_type',
        orgTable: 'every_type',
        database: DB_NAME,
        orgName: 'i32',
      })

      expect(rows[0]).toEqual({
        id: Number(inserted.insertId),
        i8: -128,
        u8: 255,
        i16: -32768,
        u16: 65535,
        i24: -8388608,
        u24: 16777215,
        i32: -2147483648,
        u32: 4294967295,
        i64: '-9223372036854775808',
        u64: '18446744073709551615',
        f32: 1.5,
        f64: 2.25,
        dc: '12.50',
        d: '2024-02-29',
        dt: '2024-02-29 13:14:15',
        dt3: '2024-02-29 13:14:15.123',
        ts: '2024-02-29 13:14:15',
        tm: '13:14:15',
        yr: 2024,
        ch: 'abc',
        vc: 'héllo',
        tx: 'text ✓',
        bl: new Uint8Array([0, 1, 2, 255]),
        bn: new Uint8Array([0xab, 0xcd]),
        vb: new Uint8Array([1, 2]),
        bt: new Uint8Array([0b10100101]),
        en: 'b',
        st: 'x,y',
        js: { a: [1, 'two'], b: null },
      })
      const { id: _id, ...allNull } = rows[1] as Record<string, unknown>
      expect(Object.values(allNull).every((v) => v === null)).toBe(true)
    })

    it('types literals and aggregates as Vitess does: COUNT(*) is INT64 (a string until normalised)', async () => {
      const conn = connect({ url })
      const { rows, types } = await conn.execute(
        "SELECT COUNT(*) AS n, 'abc' AS s, 1.5 AS d, 1e0 AS f, NULL AS z, x'00ff' AS b, CAST('2024-01-02' AS DATE) AS dd, NOW() AS now FROM every_type",
      )
      expect(types).toEqual({
        n: 'INT64',
        s: 'VARCHAR',
        d: 'DECIMAL',
        f: 'FLOAT64',
        z: 'NULL',
        b: 'VARBINARY',
        dd: 'DATE',
        now: 'DATETIME',
      })
      expect(rows[0]).toMatchObject({
        n: expect.stringMatching(/^\d+$/),
        s: 'abc',
        d: '1.5',
        f: 1,
        z: null,
        dd: '2024-01-02',
      })
      expect((rows[0] as { b: Uint8Array }).b).toEqual(new Uint8Array([0, 255]))
      // connections run in UTC, as PlanetScale's do
      const { rows: tz } = await conn.execute('SELECT @@session.time_zone AS tz')
      expect(tz[0]).toEqual({ tz: '+00:00' })
    })

    it('round-trips unicode, emoji and NULLs', async () => {
      const conn = connect({ url })
      const text = 'naïve café — 中文 — 😀👍🏽 — ∑∞ — \u0000 — "quotes" \'and\' \\backslashes\\'
      await conn.execute('INSERT INTO notes (slug, body) VALUES (?, ?), (?, ?)', [
        'unicode',
        text,
        'null-body',
        null,
      ])
      const { rows } = await conn.execute(
        "SELECT slug, body, CHAR_LENGTH(body) AS chars FROM notes WHERE slug IN ('unicode', 'null-body') ORDER BY slug",
      )
      expect(rows).toEqual([
        { slug: 'null-body', body: null, chars: null },
        { slug: 'unicode', body: text, chars: [...text].length },
      ])
      const { rows: emoji } = await conn.execute('SELECT ? AS e', ['🏳️‍🌈'])
      expect(emoji[0]).toEqual({ e: '🏳️‍🌈' })
    })

    it('round-trips a 200 KB text', async () => {
      const conn = connect({ url })
      const big = 'The quick brown fox — 狐狸 — 🦊\n'.repeat(8_000).slice(0, 200 * 1024)
      const inserted = await conn.execute('INSERT INTO notes (slug, body) VALUES (?, ?)', ['big', big])
      expect(inserted.rowsAffected).toBe(1)
      const { rows } = await conn.execute('SELECT body, LENGTH(body) AS bytes FROM notes WHERE slug = ?', [
        'big',
      ])
      const row = rows[0] as { body: string; bytes: string }
      expect(row.body.length).toBe(big.length)
      expect(row.body).toBe(big)
      expect(Number(row.bytes)).toBe(Buffer.byteLength(big))
    })

    it('reports rowsAffected and insertId, and LAST_INSERT_ID() from the session', async () => {
      const conn = connect({ url })
      const inserted = await conn.execute('INSERT INTO notes (slug) VALUES (?), (?), (?)', ['r1', 'r2', 'r3'])
      expect(inserted.rowsAffected).toBe(3)
      expect(inserted.insertId).toMatch(/^[1-9]\d*$/)
      const first = Number(inserted.insertId)
      const { rows } = await conn.execute("SELECT id FROM notes WHERE slug IN ('r1', 'r2', 'r3') ORDER BY id")
      expect(rows.map((r) => (r as { id: number }).id)).toEqual([first, first + 1, first + 2])

      const updated = await conn.execute("UPDATE notes SET body = 'x' WHERE slug IN ('r1', 'r2')")
      expect(updated.rowsAffected).toBe(2)
      expect(updated.insertId).toBe('0')
      const none = await conn.execute("UPDATE notes SET body = 'x' WHERE slug = 'nope'")
      expect(none.rowsAffected).toBe(0)

      // Vitess answers LAST_INSERT_ID() from the session, whichever connection the statement lands on
      const { rows: last } = await conn.execute('SELECT LAST_INSERT_ID() AS id')
      expect(String((last[0] as { id: string }).id)).toBe(inserted.insertId)

      const deleted = await conn.execute("DELETE FROM notes WHERE slug IN ('r1', 'r2', 'r3')")
      expect(deleted.rowsAffected).toBe(3)
    })
  })

  describe('planetscale-http: transactions', () => {
    it('commits a transaction', async () => {
      const conn = connect({ url })
      const result = await conn.transaction(async (tx) => {
        await tx.execute('INSERT INTO notes (slug) VALUES (?)', ['tx-commit-1'])
        await tx.execute('INSERT INTO notes (slug) VALUES (?)', ['tx-commit-2'])
        const { rows } = await tx.execute("SELECT COUNT(*) AS n FROM notes WHERE slug LIKE 'tx-commit-%'")
        return rows[0]
      })
      expect(result).toEqual({ n: '2' })
      expect(await count('notes', "slug LIKE 'tx-commit-%'")).toBe(2)
    })

    it('rolls back a transaction whose callback throws: nothing is written', async () => {
      const client = new Client({ url })
      await expect(
        client.transaction(async (tx) => {
          await tx.execute('INSERT INTO notes (slug) VALUES (?)', ['tx-rollback-1'])
          await tx.execute('INSERT INTO notes (slug) VALUES (?)', ['tx-rollback-2'])
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect(await count('notes', "slug LIKE 'tx-rollback-%'")).toBe(0)

      // a failing statement inside the transaction rolls back what came before it too
      await expect(
        client.transaction(async (tx) => {
          await tx.execute('INSERT INTO notes (slug) VALUES (?)', ['tx-rollback-3'])
          await tx.execute('INSERT INTO notes (slug) VALUES (?)', ['tx-rollback-3'])
        }),
      ).rejects.toBeInstanceOf(DatabaseError)
      expect(await count('notes', "slug LIKE 'tx-rollback-%'")).toBe(0)
    })

    it('keeps two concurrent transactions isolated from each other', async () => {
      const client = new Client({ url })
      const aInserted = deferred()
      const bLooked = deferred()
      let outsideDuringA = -1

      const txA = client.transaction(async (tx) => {
        await tx.execute('INSERT INTO notes (slug) VALUES (?)', ['iso-a'])
        const { rows } = await tx.execute("SELECT COUNT(*) AS n FROM notes WHERE slug = 'iso-a'")
        aInserted.resolve()
        await bLooked.promise
        return Number((rows[0] as { n: string }).n)
      })
      const txB = client.transaction(async (tx) => {
        await aInserted.promise
        const before = await tx.execute("SELECT COUNT(*) AS n FROM notes WHERE slug = 'iso-a'")
        const outside = await client.execute("SELECT COUNT(*) AS n FROM notes WHERE slug = 'iso-a'")
        outsideDuringA = Number((outside.rows[0] as { n: string }).n)
        bLooked.resolve()
        await txA // A commits...
        // ...but B keeps reading its own snapshot (REPEATABLE READ, PlanetScale's default)
        const after = await tx.execute("SELECT COUNT(*) AS n FROM notes WHERE slug = 'iso-a'")
        return [before, after].map((r) => Number((r.rows[0] as { n: string }).n))
      })

      expect(await txA).toBe(1) // A sees its own write
      expect(await txB).toEqual([0, 0])
      expect(outsideDuringA).toBe(0)
      expect(await count('notes', "slug = 'iso-a'")).toBe(1)
    })

    it('refuses a second statement on a transaction while one is running, as vttablet does', async () => {
      const conn = connect({ url })
      await conn.execute('BEGIN')
      const slow = conn.execute('SELECT SLEEP(0.4) AS s')
      await sleep(100)
      await expect(conn.execute('SELECT 1')).rejects.toThrow(
        /code = Aborted desc = transaction \d+: in use: for query/,
      )
      await slow
      await conn.execute('ROLLBACK')
    })

    it('keeps session settings on the session and out of the pool', async () => {
      const withZone = connect({ url })
      await withZone.execute("SET time_zone = '+05:00'")
      const other = connect({ url })
      const others = await Promise.all(
        Array.from({ length: 12 }, () => other.execute('SELECT @@time_zone AS tz')),
      )
      expect(new Set(others.map((r) => (r.rows[0] as { tz: string }).tz))).toEqual(new Set(['+00:00']))
      const mine = await withZone.execute('SELECT @@time_zone AS tz')
      expect(mine.rows[0]).toEqual({ tz: '+05:00' })
    })
  })

  describe('planetscale-http: errors', () => {
    it('surfaces a duplicate key as a DatabaseError with errno 1062 in PlanetScale’s format', async () => {
      const conn = connect({ url })
      await conn.execute('INSERT INTO notes (slug) VALUES (?)', ['dupe'])
      const err = await conn.execute('INSERT INTO notes (slug) VALUES (?)', ['dupe']).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(DatabaseError)
      const e = err as DatabaseError
      expect(e.status).toBe(400)
      expect(e.body.code).toBe('ALREADY_EXISTS')
      expect(e.message).toMatch(/\(errno 1062\)/)
      expect(e.message).toMatch(
        new RegExp(
          `^target: ${DB_NAME}\\.-\\.primary: vttablet: rpc error: code = AlreadyExists desc = Duplicate entry 'dupe' for key '[^']+' \\(errno 1062\\) \\(sqlstate 23000\\) \\(CallerID: hub\\): Sql: "INSERT INTO notes \\(slug\\) VALUES \\(:vtg1 /\\* VARCHAR \\*/\\)", BindVars: \\{REDACTED\\}$`,
        ),
      )
    })

    it('maps other MySQL errors to Vitess codes, and syntax errors to Vitess’s parser message', async () => {
      const conn = connect({ url })
      await expect(conn.execute('SELECT * FROM no_such_table')).rejects.toMatchObject({
        body: {
          code: 'NOT_FOUND',
          message: expect.stringMatching(/code = NotFound desc = .*\(errno 1146\) \(sqlstate 42S02\)/),
        },
      })
      await expect(conn.execute('SELEC 1')).rejects.toMatchObject({
        body: { code: 'INVALID_ARGUMENT', message: "syntax error at position 6 near 'SELEC'" },
      })
    })
  })

  describe('planetscale-http: limits', () => {
    let limited: PlanetscaleHttp
    beforeAll(async () => {
      limited = await startPlanetscaleHttp({
        mysqlUrl,
        maxRows: 5,
        transactionTimeoutMs: 300,
        idleTimeoutMs: 60_000,
      })
    })
    afterAll(() => limited?.close())

    it('rolls back and forgets a transaction that outlives the transaction timeout', async () => {
      const conn = connect({ url: driverUrl(limited) })
      await conn.execute('BEGIN')
      await conn.execute('INSERT INTO notes (slug) VALUES (?)', ['abandoned'])
      await sleep(700)
      expect(await count('notes', "slug = 'abandoned'")).toBe(0)
      await expect(conn.execute('SELECT 1')).rejects.toThrow(
        /code = Aborted desc = transaction \d+: ended at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC \(exceeded timeout: 300ms\)/,
      )
      await conn.execute('ROLLBACK') // the client's cleanup succeeds and ends the session's transaction
      expect((await conn.execute('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
    })

    it('releases a session connection left idle', async () => {
      const idle = await startPlanetscaleHttp({ mysqlUrl, idleTimeoutMs: 200 })
      try {
        const conn = connect({ url: driverUrl(idle) })
        await conn.execute('BEGIN')
        await conn.execute('INSERT INTO notes (slug) VALUES (?)', ['idle'])
        await sleep(500)
        expect(await count('notes', "slug = 'idle'")).toBe(0)
        await expect(conn.execute('COMMIT')).rejects.toThrow(/exceeded idle timeout: 200ms/)
        expect(await count('notes', "slug = 'idle'")).toBe(0)

        // session settings outlive the connection: they are replayed on the next one, as vtgate does
        const withZone = connect({ url: driverUrl(idle) })
        await withZone.execute("SET time_zone = '+05:00'")
        await sleep(500)
        expect((await withZone.execute('SELECT @@time_zone AS tz')).rows).toEqual([{ tz: '+05:00' }])
      } finally {
        await idle.close()
      }
    })

    it('fails a statement returning more rows than the row limit', async () => {
      const conn = connect({ url: driverUrl(limited) })
      const fiveRows =
        'WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 5) SELECT n FROM s'
      expect((await conn.execute(fiveRows)).rows).toHaveLength(5)
      await expect(conn.execute(fiveRows.replace('n < 5', 'n < 6'))).rejects.toThrow(
        /code = Aborted desc = Row count exceeded 5 \(errno 10001\) \(sqlstate HY000\)/,
      )
    })
  })

  describe('planetscale-http: Kysely through kysely-planetscale', () => {
    interface KxDatabase {
      kx: { id: Generated<number>; name: string }
    }

    it('runs transactions through createPlanetscaleDialect, and count(*) comes back as a number', async () => {
      const dialect = createPlanetscaleDialect(server.url)
      expect(dialect).toBeInstanceOf(PlanetScaleDialect)
      const db = new Kysely<KxDatabase>({ dialect })
      try {
        const insertIds = await db.transaction().execute(async (trx) => {
          const a = await trx.insertInto('kx').values({ name: 'alpha' }).executeTakeFirstOrThrow()
          const b = await trx.insertInto('kx').values({ name: 'beta' }).executeTakeFirstOrThrow()
          return [a.insertId, b.insertId]
        })
        expect(insertIds.every((id) => typeof id === 'bigint' && id > 0n)).toBe(true)

        await expect(
          db.transaction().execute(async (trx) => {
            await trx.insertInto('kx').values({ name: 'gamma' }).execute()
            throw new Error('abort')
          }),
        ).rejects.toThrow('abort')

        await db
          .transaction()
          .setIsolationLevel('serializable')
          .execute(async (trx) => {
            await trx.updateTable('kx').set({ name: 'ALPHA' }).where('name', '=', 'alpha').execute()
          })

        const { n } = await db
          .selectFrom('kx')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
        expect(n).toBe(2)
        expect(typeof n).toBe('number')
        const names = await db.selectFrom('kx').select('name').orderBy('id').execute()
        expect(names.map((r) => r.name)).toEqual(['ALPHA', 'beta'])

        // without the dialect factory's cast, PlanetScale's INT64 arrives as a string
        const raw = new Kysely<KxDatabase>({ dialect: new PlanetScaleDialect({ url: driverUrl(server) }) })
        const { n: rawN } = await raw
          .selectFrom('kx')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
        expect(rawN).toBe('2')
        await raw.destroy()
      } finally {
        await db.destroy()
      }
    })
  })
})
