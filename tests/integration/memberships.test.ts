import { formatLondonDateTime } from '@appg-hub/core'
import { TRPCError } from '@trpc/server'
import { describe, expect } from 'vitest'
import { makePerson, makeWorld, snapshot } from '../support/fixtures'
import { dialects, hubTest } from '../support/hub-test'

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof TRPCError) return error.code
    throw error
  }
  throw new Error('expected the call to be refused')
}

function tokenFromOutbox(body: string): string {
  const match = /\/join\/([a-z2-7]{32})/.exec(body)
  if (!match) throw new Error(`no invitation link in: ${body}`)
  return match[1]!
}

describe.each(dialects())('group memberships on $name', (dialect) => {
  const it = hubTest(dialect, { world: makeWorld })

  it('an officer invites by email; the link lets a new person join once', async ({ db, world, api }) => {
    const officer = await api.as(world.people.officer.id)
    const invite = await officer.memberships.invite({
      slug: 'alpha',
      email: 'New.Person@Example.org',
      role: 'member',
    })
    expect(invite.email).toBe('new.person@example.org')

    const mail = await db
      .selectFrom('email_outbox')
      .selectAll()
      .where('to_email', '=', 'new.person@example.org')
      .executeTakeFirstOrThrow()
    expect(mail.subject).toContain('APPG on Alpha')
    // When the link expires, in words and in London time (the fixtures' clock is the real one).
    expect(mail.body_text).toContain(`expires on ${formatLondonDateTime(invite.expiresAt)} (London time)`)
    expect(mail.body_text).toMatch(
      /expires on [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}, (\d{1,2}(:\d{2})?[ap]m|midday|midnight) /,
    )
    expect(mail.body_text).not.toMatch(/GMT|UTC/)
    const token = tokenFromOutbox(mail.body_text)

    const anonymous = await api.as(null)
    expect(await anonymous.memberships.describeInvite({ token })).toMatchObject({
      state: 'open',
      role: 'member',
      hasAccount: false,
    })
    await anonymous.auth.signUp({
      email: 'new.person@example.org',
      password: 'a long password',
      displayName: 'New Person',
    })

    const person = await db
      .selectFrom('person')
      .select('id')
      .where('email', '=', 'new.person@example.org')
      .executeTakeFirstOrThrow()
    const newcomer = await api.as(person.id)
    expect(await newcomer.memberships.acceptInvite({ token })).toMatchObject({
      role: 'member',
      group: { slug: 'alpha' },
    })
    const me = await newcomer.me.get()
    expect(me?.groups).toEqual([
      {
        slug: 'alpha',
        title: 'APPG on Alpha',
        role: 'member',
        registerTitle: null,
        // What a member may do in the group, as the policy answers it (the client keeps no copy).
        can: {
          createItems: false,
          invite: false,
          viewRoster: false,
          manageMembers: false,
          editRegister: false,
          viewAudit: false,
          viewRuleChecks: false,
          viewHistory: true,
        },
      },
    ])

    expect(await refusal(newcomer.memberships.acceptInvite({ token }))).toBe('CONFLICT')
    expect(await anonymous.memberships.describeInvite({ token })).toMatchObject({ state: 'used' })
    const actions = await db.selectFrom('audit_event').select('action').orderBy('at').execute()
    expect(actions.map((a) => a.action)).toEqual([
      'group.member.invited',
      'account.created',
      'group.member.joined',
    ])
  })

  it('an invitation works only for the account with the address it was sent to', async ({
    db,
    world,
    api,
  }) => {
    const officer = await api.as(world.people.officer.id)
    await officer.memberships.invite({ slug: 'alpha', email: 'invited@example.org', role: 'officer' })
    const mail = await db.selectFrom('email_outbox').select('body_text').executeTakeFirstOrThrow()
    const token = tokenFromOutbox(mail.body_text)
    const holder = await api.as(world.people.outsider.id)
    const refused = await holder.memberships.acceptInvite({ token }).catch((error: Error) => error)
    expect(refused).toMatchObject({ code: 'FORBIDDEN' })
    expect((refused as Error).message).toMatch(
      /sent to invited@example\.org.*ask an officer of APPG on Alpha to send a new invitation/,
    )
    const invited = await makePerson(db, 'Invited Person', { email: 'invited@example.org' })
    expect(await (await api.as(invited.id)).memberships.acceptInvite({ token })).toMatchObject({
      role: 'officer',
    })
  })

  it('an invitation link expires', async ({ db, world, api }) => {
    const officer = await api.as(world.people.officer.id)
    await officer.memberships.invite({ slug: 'alpha', email: 'late@example.org', role: 'observer' })
    const mail = await db.selectFrom('email_outbox').select('body_text').executeTakeFirstOrThrow()
    api.clock.advance(8 * 24 * 3600 * 1000)
    const outsider = await api.as(world.people.outsider.id)
    expect(await refusal(outsider.memberships.acceptInvite({ token: tokenFromOutbox(mail.body_text) }))).toBe(
      'CONFLICT',
    )
    expect(
      await db
        .selectFrom('membership')
        .select('id')
        .where('person_id', '=', world.people.outsider.id)
        .execute(),
    ).toEqual([])
  })

  it('a member, an observer and the secretariat cannot invite, and nothing changes', async ({
    db,
    world,
    api,
  }) => {
    for (const role of ['member', 'observer', 'secretariat'] as const) {
      const before = await snapshot(db)
      const caller = await api.as(world.people[role].id)
      expect(
        await refusal(caller.memberships.invite({ slug: 'alpha', email: 'x@example.org', role: 'member' })),
      ).toBe('FORBIDDEN')
      expect(await snapshot(db)).toEqual(before)
    }
  })

  it("an officer of one group cannot touch another group's members", async ({ db, world, api }) => {
    const before = await snapshot(db)
    const betaOfficer = await api.as(world.people.betaOfficer.id)
    const attempts = [
      () => betaOfficer.memberships.invite({ slug: 'alpha', email: 'x@example.org', role: 'member' }),
      () =>
        betaOfficer.memberships.changeRole({
          slug: 'alpha',
          personId: world.people.member.id,
          role: 'officer',
        }),
      () => betaOfficer.memberships.remove({ slug: 'alpha', personId: world.people.member.id }),
      () => betaOfficer.memberships.roster({ slug: 'alpha' }),
    ]
    for (const attempt of attempts) expect(await refusal(attempt())).toBe('FORBIDDEN')
    expect(await snapshot(db)).toEqual(before)
  })

  it('an officer cannot appoint, demote or remove the chair; the chair can manage officers', async ({
    db,
    world,
    api,
  }) => {
    const officer = await api.as(world.people.officer.id)
    const before = await snapshot(db)
    expect(
      await refusal(
        officer.memberships.changeRole({ slug: 'alpha', personId: world.people.member.id, role: 'chair' }),
      ),
    ).toBe('FORBIDDEN')
    expect(
      await refusal(
        officer.memberships.changeRole({ slug: 'alpha', personId: world.people.chair.id, role: 'member' }),
      ),
    ).toBe('FORBIDDEN')
    expect(
      await refusal(officer.memberships.remove({ slug: 'alpha', personId: world.people.chair.id })),
    ).toBe('FORBIDDEN')
    expect(
      await refusal(officer.memberships.invite({ slug: 'alpha', email: 'c@example.org', role: 'chair' })),
    ).toBe('FORBIDDEN')
    expect(await snapshot(db)).toEqual(before)

    await officer.memberships.changeRole({
      slug: 'alpha',
      personId: world.people.member.id,
      role: 'secretariat',
    })
    const chair = await api.as(world.people.chair.id)
    await chair.memberships.remove({ slug: 'alpha', personId: world.people.officer.id })
    const roster = await chair.memberships.roster({ slug: 'alpha' })
    expect(roster.members.map((m) => [m.name, m.role])).toEqual([
      ['Alpha Chair', 'chair'],
      ['Alpha Member', 'secretariat'],
      ['Alpha Observer', 'observer'],
      ['Alpha Secretariat', 'secretariat'],
    ])
  })

  it('the last chair cannot leave or step down', async ({ world, api }) => {
    const chair = await api.as(world.people.chair.id)
    expect(await refusal(chair.memberships.leave({ slug: 'alpha' }))).toBe('CONFLICT')
    expect(
      await refusal(
        chair.memberships.changeRole({ slug: 'alpha', personId: world.people.chair.id, role: 'officer' }),
      ),
    ).toBe('CONFLICT')
    const member = await api.as(world.people.member.id)
    await member.memberships.leave({ slug: 'alpha' })
    expect((await member.me.get())?.groups).toEqual([])
  })

  it('a signed-out caller sees public data only', async ({ api }) => {
    const anonymous = await api.as(null)
    expect(await anonymous.me.get()).toBeNull()
    const page = await anonymous.register.list({})
    expect(page.items.map((g) => g.slug)).toEqual(['alpha', 'beta'])
    const group = await anonymous.register.group({ slug: 'alpha' })
    expect(group.people.every((p) => !('email' in p))).toBe(true)
    expect(await refusal(anonymous.memberships.roster({ slug: 'alpha' }))).toBe('UNAUTHORIZED')
    expect(
      await refusal(anonymous.memberships.invite({ slug: 'alpha', email: 'x@example.org', role: 'member' })),
    ).toBe('UNAUTHORIZED')
  })

  it('a site admin can manage any group', async ({ world, api }) => {
    const admin = await api.as(world.people.admin.id)
    await admin.memberships.invite({ slug: 'beta', email: 'helper@example.org', role: 'secretariat' })
    expect((await admin.memberships.roster({ slug: 'beta' })).invites).toHaveLength(1)
  })
})
