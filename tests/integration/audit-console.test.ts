/**
 * The site administrator's audit log (issue #12 item 6): filters by actor, action, group and days,
 * paged; and its CSV download, filtered the same way, safe in a spreadsheet, for the administrator only.
 */
import { createSignIn, SIGN_IN_COOKIE } from '@appg-hub/core'
import { type Db, newId } from '@appg-hub/db'
import { createApp } from '@appg-hub/server'
import { describe, expect } from 'vitest'
import { testConfig } from '../support/fixtures'
import { dialects, type HubContext, hubTest } from '../support/hub-test'

/** Events at known times: the world's own setup writes none, so these are the whole log. */
async function seed(db: Db, world: HubContext['world']) {
  const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`
  const rows = [
    {
      at: at('2026-05-01', 9),
      actor_id: world.people.officer.id,
      action: 'topic.created',
      appg_id: world.alpha.id,
    },
    {
      at: at('2026-05-02', 23),
      actor_id: world.people.officer.id,
      action: 'topic.updated',
      appg_id: world.alpha.id,
    },
    {
      at: at('2026-05-03', 0),
      actor_id: world.people.betaOfficer.id,
      action: 'topic.created',
      appg_id: world.beta.id,
    },
    { at: at('2026-05-04', 12), actor_id: null, action: 'register.officer.added', appg_id: world.beta.id },
    { at: at('2026-05-05', 8), actor_id: world.people.admin.id, action: 'people.merge', appg_id: null },
  ]
  await db.deleteFrom('audit_event').execute()
  await db
    .insertInto('audit_event')
    .values(
      rows.map((r, i) => ({
        id: newId(),
        item_type: null,
        item_id: null,
        details: JSON.stringify(i === 0 ? { title: 'Screening, "early"' } : {}),
        ...r,
      })),
    )
    .execute()
}

describe.each(dialects())('the site administrator’s audit log on $name', (dialect) => {
  const it = hubTest(dialect).extend<{ app: ReturnType<typeof createApp> }>({
    app: async ({ db, clock }, use) => {
      await use(createApp({ db, clock, config: testConfig, onError: (e) => console.error(e) }))
    },
  })

  it('filters by actor, action, group and days (both ends included), and pages', async ({
    db,
    world,
    api,
  }) => {
    await seed(db, world)
    const admin = await api.as(world.people.admin.id)
    const actions = async (filters: Record<string, string>) =>
      (await admin.audit.all({ filters })).items.map((e) => `${e.at.slice(0, 10)} ${e.action}`)

    expect(await actions({})).toHaveLength(5)
    expect(await actions({ actor: 'alpha off' })).toEqual([
      '2026-05-02 topic.updated',
      '2026-05-01 topic.created',
    ])
    expect(await actions({ action: 'topic.created' })).toEqual([
      '2026-05-03 topic.created',
      '2026-05-01 topic.created',
    ])
    expect(await actions({ action: 'register.' })).toEqual(['2026-05-04 register.officer.added'])
    expect(await actions({ group: 'beta' })).toEqual([
      '2026-05-04 register.officer.added',
      '2026-05-03 topic.created',
    ])
    expect(await actions({ from: '2026-05-02', to: '2026-05-03' })).toEqual([
      '2026-05-03 topic.created',
      '2026-05-02 topic.updated',
    ])
    // Filters add up; a percent sign is a character, not a wildcard.
    expect(await actions({ group: 'alpha', action: 'topic.', to: '2026-05-01' })).toEqual([
      '2026-05-01 topic.created',
    ])
    expect(await actions({ actor: '%' })).toEqual([])

    const first = await admin.audit.all({ filters: { group: 'alpha' }, cursor: null })
    expect(first.items).toHaveLength(2)
    expect(first.nextCursor).toBeNull()
    await expect(admin.audit.all({ filters: { from: '2026-05-04', to: '2026-05-01' } })).rejects.toThrow(
      /first day must not be after the last/,
    )
  })

  it('downloads the filtered log as CSV, for the site administrator only, formulas defused', async ({
    db,
    world,
    clock,
    app,
  }) => {
    await seed(db, world)
    // A name a spreadsheet would run as a formula.
    await db
      .updateTable('person')
      .set({ display_name: '-2+3' })
      .where('id', '=', world.people.officer.id)
      .execute()
    const get = async (path: string, personId?: string) => {
      const headers: Record<string, string> = {}
      if (personId)
        headers.cookie = `${SIGN_IN_COOKIE}=${(await createSignIn({ db, clock }, personId, 'test')).token}`
      return app.request(path, { headers })
    }
    const response = await get('/admin/audit-log.csv?group=alpha', world.people.admin.id)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    expect((await response.text()).trim().split('\r\n')).toEqual([
      'When (UTC),Action,Actor,Group,Item type,Item id,Details',
      "2026-05-02T23:00:00.000Z,topic.updated,'-2+3,alpha,,,{}",
      `2026-05-01T09:00:00.000Z,topic.created,'-2+3,alpha,,,"{""title"":""Screening, \\""early\\""""}"`,
    ])
    const importRow = (
      await (await get('/admin/audit-log.csv?action=register.', world.people.admin.id)).text()
    )
      .trim()
      .split('\r\n')[1]
    expect(importRow).toBe('2026-05-04T12:00:00.000Z,register.officer.added,Automatic,beta,,,{}')

    expect((await get('/admin/audit-log.csv', world.people.officer.id)).status).toBe(403)
    expect((await get('/admin/audit-log.csv')).status).toBe(401)
    const bad = await get('/admin/audit-log.csv?from=yesterday', world.people.admin.id)
    expect(bad.status).toBe(400)
    expect(await bad.text()).toBe('Give the date as YYYY-MM-DD.')
  })
})
