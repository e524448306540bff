import SQLite from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { pinParameters } from './sqlite-parameters'

describe('pinParameters', () => {
  it('turns each placeholder into +?, outside quoted text and names only', () => {
    expect(pinParameters('select "a?" from "t" where x = ? and y like ? limit ?')).toBe(
      'select "a?" from "t" where x = +? and y like +? limit +?',
    )
    expect(pinParameters("select 'it''s ?', [b?] from t where z in (?, ?)")).toBe(
      "select 'it''s ?', [b?] from t where z in (+?, +?)",
    )
    expect(pinParameters('insert into t (a, b) values (?, ?)')).toBe('insert into t (a, b) values (+?, +?)')
  })

  it('leaves the answers as they were', () => {
    const db = new SQLite(':memory:')
    db.exec(`create table t (id varchar(10) primary key, n integer, s text);
      create table u (id varchar(10) primary key, t_id varchar(10));`)
    const insert = db.prepare(pinParameters('insert into t (id, n, s) values (?, ?, ?)'))
    insert.run('a', 1, 'x?')
    insert.run('b', 2, '10')
    insert.run('c', 3, null)
    db.prepare(pinParameters('insert into u (id, t_id) values (?, ?)')).run('u1', 'b')
    const queries: [string, unknown[]][] = [
      ['select id from t where n > ? order by id limit ?', [1, 5]],
      ['select id from t where s = ?', ['10']],
      ['select id from t where n = ?', ['2']],
      ['select t.id, u.id as u from u join t on t.id = u.t_id where u.id = ?', ['u1']],
      ["select id from t where s like ? escape '\\'", ['x%']],
      ['select count(*) as c from t where s is ?', [null]],
    ]
    for (const [sql, params] of queries) {
      expect(db.prepare(pinParameters(sql)).all(...params), sql).toEqual(db.prepare(sql).all(...params))
    }
  })
})
