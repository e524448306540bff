/**
 * `hub sync-register` against a local HTTP server standing in for the publisher: the fixture data
 * package (and the real one when it is beside the repository), and every way a download can fail.
 */
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Db } from '@appg-hub/db'
import { DatapackageError } from '@appg-hub/db/register/datapackage'
import { DATAPACKAGE_FIXTURE_DIR, NEEDS_REAL_REGISTER, REAL_REGISTER_DIR } from '@appg-hub/db/testing'
import { syncRegister } from '@appg-hub/server/cli/sync-register'
import { afterAll, beforeAll, beforeEach, describe, expect, vi } from 'vitest'
import { dialects, hubTest } from '../support/hub-test'

const REAL_DATAPACKAGE = REAL_REGISTER_DIR ? join(REAL_REGISTER_DIR, 'datapackage/') : null

let server: Server
let base: string
const requests: string[] = []
const flakyServed = new Set<string>()

/** `/<mode>/<file>`: `ok`, `real`, `missing` (no register.csv), `truncated`, `flaky` (503 once), `slow`, `malformed`. */
function handle(mode: string, file: string, res: import('node:http').ServerResponse) {
  const dir = mode === 'real' ? REAL_DATAPACKAGE! : DATAPACKAGE_FIXTURE_DIR
  let body: Buffer
  try {
    body = readFileSync(join(dir, file))
  } catch {
    res.writeHead(404).end('not found')
    return
  }
  if (mode === 'missing' && file === 'register.csv') return res.writeHead(404).end('not found')
  if (mode === 'slow' && file === 'members.csv') return // never answers
  if (mode === 'flaky' && !flakyServed.has(file)) {
    flakyServed.add(file)
    return res.writeHead(503).end('busy')
  }
  if (mode === 'malformed' && file === 'members.csv')
    body = Buffer.from(body.toString('utf8').replace('officer_role', 'role'))
  if (mode === 'truncated' && file === 'register.csv') {
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(body.length) })
    res.write(body.subarray(0, Math.floor(body.length / 2)))
    setTimeout(() => res.destroy(), 20)
    return
  }
  res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(body.length) }).end(body)
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '')
    const [, mode, file] = (req.url ?? '').split('/')
    handle(mode ?? '', file ?? '', res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

let log: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  log = vi.spyOn(console, 'log').mockImplementation(() => {})
  return () => log.mockRestore()
})
const printed = () => log.mock.calls.map((c: unknown[]) => String(c[0])).join('\n')

async function groups(db: Db) {
  return db.selectFrom('appg').select(['slug', 'status', 'title']).orderBy('slug').execute()
}

describe.each(dialects())('sync-register on $name', (dialect) => {
  // An empty database: each test imports its own Register.
  const it = hubTest(dialect, { world: null })

  it('imports the UK groups of the data package, says what changed, and a second run changes nothing', async ({
    db,
  }) => {
    const report = await syncRegister(db, `${base}/ok/`)
    expect(report.edition).toBe('260629')
    expect(await groups(db)).toEqual([
      { slug: 'alpha-health', status: 'registered', title: 'All-Party Parliamentary Group on Alpha Health' },
      { slug: 'beta-rivers', status: 'registered', title: 'All-Party Parliamentary Group on Beta Rivers' },
      { slug: 'gamma-former', status: 'deregistered', title: 'All-Party Parliamentary Group on Gamma' },
    ])
    const tags = await db
      .selectFrom('appg_tag')
      .innerJoin('appg', 'appg.id', 'appg_tag.appg_id')
      .select(['appg.slug', 'appg_tag.tag'])
      .where('appg.slug', '=', 'alpha-health')
      .orderBy('appg_tag.tag')
      .execute()
    expect(tags.map((t) => t.tag)).toEqual([
      'Health, Medicine & Public Health',
      'Science, Technology & Innovation',
    ])
    const people = await db
      .selectFrom('membership')
      .innerJoin('appg', 'appg.id', 'membership.appg_id')
      .innerJoin('person', 'person.id', 'membership.person_id')
      .select(['person.display_name', 'membership.role'])
      .where('appg.slug', '=', 'alpha-health')
      .orderBy('person.display_name')
      .execute()
    expect(people).toEqual(
      expect.arrayContaining([
        { display_name: 'Ima Fixture', role: 'chair' },
        { display_name: 'Baroness Imaginary', role: 'officer' },
        expect.objectContaining({ display_name: 'Lord Testington' }),
      ]),
    )
    expect(people.map((p) => p.display_name)).not.toContain('Scot Convenor')
    expect(people.map((p) => p.display_name)).not.toContain('Holyrood Member')
    expect(printed()).toContain(
      'edition 260629: 2 groups on the Register, 3 in the package (2 rows of other legislatures left out)',
    )
    expect(printed()).toMatch(/register\.csv \(edition\): 2 groups created/)
    const audit = await db.selectFrom('audit_event').select('action').execute()
    expect(audit.map((a) => a.action).sort()).toEqual([
      ...Array(3).fill('register.group.created'),
      'register.members.changed',
      ...Array(4).fill('register.officer.added'),
      ...Array(3).fill('register.tags.changed'),
    ])

    log.mockClear()
    const again = await syncRegister(db, `${base}/ok`)
    expect(again.editionReport.changes).toEqual([])
    expect(again.membersReport.changes).toEqual([])
    expect(printed()).toContain('Nothing changed')
    expect((await db.selectFrom('audit_event').select('id').execute()).length).toBe(audit.length)
  })

  it('reads the same files from a folder', async ({ db }) => {
    await syncRegister(db, DATAPACKAGE_FIXTURE_DIR)
    expect((await groups(db)).map((g) => g.slug)).toEqual(['alpha-health', 'beta-rivers', 'gamma-former'])
  })

  it('tries a failed download once more', async ({ db }) => {
    flakyServed.clear()
    await syncRegister(db, `${base}/flaky/`)
    expect(printed()).toMatch(/flaky\/register\.csv: answered 503.*trying again/)
    expect(await groups(db)).toHaveLength(3)
  })

  it.for([
    ['missing', /\/missing\/register\.csv: answered 404/],
    ['truncated', /\/truncated\/register\.csv: (cut short|the download broke off)/],
    ['malformed', /^members\.csv: missing column officer_role/],
    ['slow', /\/slow\/members\.csv: no complete answer within 0\.3 s/],
  ] as const)('refuses a %s file, naming it, and imports nothing', async ([mode, message], { db }) => {
    const attempt = syncRegister(db, `${base}/${mode}/`, { timeoutMs: 300 })
    await expect(attempt).rejects.toThrow(DatapackageError)
    await expect(attempt).rejects.toThrow(message)
    expect(await groups(db)).toEqual([])
  })

  it.skipIf(!REAL_DATAPACKAGE)(
    `imports the real data package ${NEEDS_REAL_REGISTER}`,
    async ({ db }) => {
      const report = await syncRegister(db, `${base}/real/`)
      expect(report.edition).toBe('260629')
      const all = await groups(db)
      expect(all).toHaveLength(624)
      expect(all.filter((g) => g.status === 'registered')).toHaveLength(571)
      // As with the edition files: only membership list entries that are not a person's name.
      expect(report.editionReport.problems).toEqual([])
      for (const problem of report.membersReport.problems) expect(problem.message).toMatch(/not a name/)
      const withLists = await db
        .selectFrom('membership')
        .select('appg_id')
        .where('source', '=', 'members_list')
        .distinct()
        .execute()
      expect(withLists.length).toBeGreaterThan(250)
    },
    120_000,
  )
})
