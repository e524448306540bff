import { describe, expect, it } from 'vitest'
import { classify, goQuote, normalizeForError, vitessSyntaxError } from './sql'
import { codeForErrno, toVitessField, toVitessRow, vitessType } from './vitess'

describe('classify', () => {
  it.each([
    ['BEGIN', 'begin'],
    ['  /* c */ start transaction read only', 'begin'],
    ['begin not atomic select 1; end', 'other'],
    ['COMMIT', 'commit'],
    ['rollback work', 'rollback'],
    ['ROLLBACK TO SAVEPOINT a', 'other'],
    ['SET TRANSACTION ISOLATION LEVEL SERIALIZABLE', 'set-next-transaction'],
    ['SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED', 'session-setting'],
    ["SET time_zone = '+05:00'", 'session-setting'],
    ['set @x = 1', 'session-setting'],
    ['SET NAMES utf8mb4', 'session-setting'],
    ['SET GLOBAL max_connections = 10', 'global-setting'],
    ['SET @@global.max_connections = 10', 'global-setting'],
    ['USE other', 'session-setting'],
    ['LOCK TABLES t WRITE', 'reserve'],
    ['CREATE TEMPORARY TABLE t (id int)', 'reserve'],
    ["SELECT GET_LOCK('x', 10)", 'reserve'],
    ["SELECT RELEASE_LOCK('x')", 'other'],
    ['SELECT @n := 1', 'reserve'],
    ['SELECT 1 INTO @n', 'reserve'],
    ["SELECT 'get_lock(' AS s", 'other'],
    ['(SELECT 1) UNION (SELECT 2)', 'other'],
  ])('%s → %s', (sql, kind) => {
    expect(classify(sql).kind).toBe(kind)
  })

  it('spots LAST_INSERT_ID() outside strings and comments only', () => {
    expect(classify('select last_insert_id() as id').readsLastInsertId).toBe(true)
    expect(classify('select LAST_INSERT_ID( ) as id').readsLastInsertId).toBe(true)
    expect(classify('select last_insert_id(5)').readsLastInsertId).toBe(false)
    expect(classify("select 'last_insert_id()' /* last_insert_id() */").readsLastInsertId).toBe(false)
  })
})

describe('error text', () => {
  it('replaces literals with bind variables as Vitess does, in DML and SELECT only', () => {
    expect(
      normalizeForError("INSERT INTO t (a, b, c) VALUES ('x''y', -12, 1.5), (_utf8mb4'z', x'ff', 1e3)"),
    ).toBe(
      'INSERT INTO t (a, b, c) VALUES (:vtg1 /* VARCHAR */, :vtg2 /* INT64 */, :vtg3 /* DECIMAL */), (:vtg4 /* VARCHAR */, :vtg5 /* VARBINARY */, :vtg6 /* FLOAT64 */)',
    )
    expect(normalizeForError('select a - 1 from t1 where b = "q"')).toBe(
      'select a - :vtg1 /* INT64 */ from t1 where b = :vtg2 /* VARCHAR */',
    )
    expect(normalizeForError("CREATE TABLE t (a int default 1, b varchar(3) default 'x')")).toBe(
      "CREATE TABLE t (a int default 1, b varchar(3) default 'x')",
    )
  })

  it("quotes like Go's %q", () => {
    expect(goQuote('a "b"\n\tc\\ é😀\u0001')).toBe('"a \\"b\\"\\n\\tc\\\\ é😀\\x01"')
  })

  it("rebuilds Vitess's syntax error from MySQL's", () => {
    const mariadb =
      "You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1"
    expect(vitessSyntaxError('SELEC 1', mariadb)).toBe("syntax error at position 6 near 'SELEC'")
    const mysql =
      "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'form t' at line 1"
    expect(vitessSyntaxError('select a form t', mysql)).toBe("syntax error at position 14 near 'form'")
    expect(vitessSyntaxError('select (', "... to use near '' at line 1")).toBe('syntax error at position 9')
  })

  it("maps errnos to vtrpc codes as vttablet's convertErrorCode", () => {
    expect(codeForErrno(1062)).toBe('ALREADY_EXISTS')
    expect(codeForErrno(1146)).toBe('NOT_FOUND')
    expect(codeForErrno(1452)).toBe('FAILED_PRECONDITION')
    expect(codeForErrno(1213)).toBe('ABORTED')
    expect(codeForErrno(1205)).toBe('DEADLINE_EXCEEDED')
    expect(codeForErrno(1366)).toBe('INVALID_ARGUMENT')
    expect(codeForErrno(1364)).toBe('UNKNOWN')
  })
})

describe('fields and rows', () => {
  it('maps MySQL types and flags to Vitess types', () => {
    expect(vitessType(3, 0)).toBe('INT32')
    expect(vitessType(8, 32)).toBe('UINT64')
    expect(vitessType(252, 16)).toBe('TEXT')
    expect(vitessType(252, 16 | 128)).toBe('BLOB')
    expect(vitessType(253, 128)).toBe('VARBINARY')
    expect(vitessType(254, 256)).toBe('ENUM')
    expect(vitessType(254, 2048)).toBe('SET')
    expect(vitessType(254, 128)).toBe('BINARY')
    expect(vitessType(246, 0)).toBe('DECIMAL')
    expect(vitessType(245, 144)).toBe('JSON')
  })

  it('adds NUM_FLAG for numeric types and omits zero values, as protobuf JSON does', () => {
    expect(
      toVitessField({
        name: 'id',
        columnType: 8,
        flags: 1 | 2 | 512 | 16384,
        characterSet: 63,
        columnLength: 20,
        decimals: 0,
        schema: 'db',
        table: 't',
        orgTable: 't',
        orgName: 'id',
      }),
    ).toEqual({
      name: 'id',
      type: 'INT64',
      table: 't',
      orgTable: 't',
      database: 'db',
      orgName: 'id',
      columnLength: 20,
      charset: 63,
      flags: 49667,
    })
    expect(
      toVitessField({
        name: 'NULL',
        columnType: 6,
        flags: 128,
        characterSet: 63,
        decimals: 0,
        table: '',
        orgTable: '',
        orgName: '',
      }),
    ).toEqual({ name: 'NULL', charset: 63, flags: 32896 })
  })

  it('encodes rows as byte lengths plus concatenated values', () => {
    expect(toVitessRow([Buffer.from('é'), null, Buffer.from('')])).toEqual({
      lengths: ['2', '-1', '0'],
      values: Buffer.from('é').toString('base64'),
    })
    expect(toVitessRow([null])).toEqual({ lengths: ['-1'] })
  })
})
