/**
 * People and the official Register: the public page is the Register as published, hub
 * participants are for the group and its partners (or public when they opt in), and the rules
 * count people who can act.
 */
import { readFileSync } from 'node:fs'
import { type Db, newId, type Role } from '@appg-hub/db'
import { DEMO_REGISTER_FILE } from '@appg-hub/db/demo/demo-register'
import { importRegister } from '@appg-hub/db/register/index'
import { TRPCError } from '@trpc/server'
import { describe, expect } from 'vitest'
import { makePerson, makeWorld } from '../support/fixtures'
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

/** The edition's own listing of a group, read from the rows the import wrote. */
async function registerListing(db: Db, slug: string) {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('appg', 'appg.id', 'membership.appg_id')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select([
      'person.display_name as name',
      'membership.register_title as registerTitle',
      'membership.source',
    ])
    .where('appg.slug', '=', slug)
    .where('membership.source', 'in', ['register', 'members_list'])
    .execute()
  return rows.map((r) => `${r.name}|${r.registerTitle ?? ''}`).sort()
}

async function groupId(db: Db, slug: string) {
  return (await db.selectFrom('appg').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id
}

async function addHubMember(db: Db, slug: string, name: string, role: Role, source = 'invitation') {
  const person = await makePerson(db, name)
  const now = new Date().toISOString()
  await db
    .insertInto('membership')
    .values({
      id: newId(),
      person_id: person.id,
      appg_id: await groupId(db, slug),
      role,
      register_title: null,
      source,
      created_at: now,
      updated_at: now,
    })
    .execute()
  return person
}

/** The Register's chair of a group: a person the import made, with no account. */
async function registerChair(db: Db, slug: string) {
  return db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select(['person.id', 'person.email', 'person.display_name as name'])
    .where('membership.appg_id', '=', await groupId(db, slug))
    .where('membership.source', '=', 'register')
    .where('membership.role', '=', 'chair')
    .executeTakeFirstOrThrow()
}

/** The demo Register (its groups and membership lists), then the named people. */
async function registerWorld(db: Db) {
  const lines = readFileSync(DEMO_REGISTER_FILE, 'utf8').split('\n')
  expect((await importRegister(db, { lines })).problems).toEqual([])
  // The same file carries membership lists, as mySociety's compilation does.
  expect((await importRegister(db, { lines, mode: 'members' })).problems).toEqual([])
  return makeWorld(db)
}

describe.each(dialects())('people and the Register on $name', (dialect) => {
  const it = hubTest(dialect, { world: registerWorld })

  it('signed out, a group page shows only what the Register lists, labelled with its edition', async ({
    db,
    world,
    api,
  }) => {
    const listing = await registerListing(db, 'cancer')
    expect(listing.length).toBeGreaterThan(3)
    // The hub's own: a demo officer, a private member who joined by invitation, an admin-added chair.
    await addHubMember(db, 'cancer', 'Demo Officer', 'officer', 'demo')
    await addHubMember(db, 'cancer', 'Private Person', 'member')
    await addHubMember(db, 'cancer', 'Hub Chair', 'chair', 'admin')

    const page = await (await api.as(null)).register.group({ slug: 'cancer' })
    expect(page.people.map((p) => `${p.name}|${p.registerTitle ?? ''}`).sort()).toEqual(listing)
    expect(page.publicParticipants).toEqual([])
    const names = JSON.stringify(page)
    for (const hidden of ['Demo Officer', 'Private Person', 'Hub Chair', '@example.org'])
      expect(names).not.toContain(hidden)
    // One line per Register officer: the officer list is the edition's.
    const officers = page.people.filter((p) => p.role === 'chair' || p.role === 'officer')
    expect(new Set(officers.map((p) => p.personId)).size).toBe(officers.length)
    expect(officers.every((p) => p.registerTitle)).toBe(true)
    expect(page.register_edition).toBeTruthy()
    // Signed in makes no difference to the public read.
    const asMember = await (await api.as(world.people.member.id)).register.group({ slug: 'cancer' })
    expect(asMember.people).toEqual(page.people)
  })

  it('a hub participant appears on the public page only after choosing to be listed', async ({ db, api }) => {
    const person = await addHubMember(db, 'cancer', 'Willing Person', 'member')
    const self = await api.as(person.id)
    expect(await self.people.publicListing()).toEqual({ listPublicly: false })
    expect((await (await api.as(null)).register.group({ slug: 'cancer' })).publicParticipants).toEqual([])

    expect(await self.people.setPublicListing({ listPublicly: true })).toEqual({ listPublicly: true })
    const page = await (await api.as(null)).register.group({ slug: 'cancer' })
    expect(page.publicParticipants).toEqual([{ name: 'Willing Person', role: 'member' }])
    expect(page.people.map((p) => p.name)).not.toContain('Willing Person')
    const audit = await db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'person.public_listing_changed')
      .where('actor_id', '=', person.id)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(audit.details)).toEqual({ listPublicly: true })

    await self.people.setPublicListing({ listPublicly: false })
    expect((await (await api.as(null)).register.group({ slug: 'cancer' })).publicParticipants).toEqual([])
  })

  it('a person edits their own name and organisation; a person of the Register keeps the Register name', async ({
    db,
    api,
  }) => {
    const person = await addHubMember(db, 'cancer', 'Typo Persn', 'member')
    const self = await api.as(person.id)
    expect(await self.people.profile()).toEqual({
      displayName: 'Typo Persn',
      organisation: null,
      nameEditable: true,
    })
    expect(
      await self.people.updateProfile({ displayName: ' Typo Person ', organisation: 'Lung Charity' }),
    ).toEqual({
      displayName: 'Typo Person',
      organisation: 'Lung Charity',
      nameEditable: true,
    })
    expect((await (await api.as(person.id)).me.get())?.displayName).toBe('Typo Person')
    await expect(self.people.updateProfile({ displayName: '  ', organisation: null })).rejects.toThrow(
      /Enter your name/,
    )
    const audit = await db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'person.profile_changed')
      .where('actor_id', '=', person.id)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(audit.details)).toEqual({ nameChanged: true, organisationChanged: true })

    // A Register chair with an account: the organisation is theirs, the name is the Register's.
    const chair = await registerChair(db, 'cancer')
    await db.updateTable('person').set({ email: 'chair@example.org' }).where('id', '=', chair.id).execute()
    const asChair = await api.as(chair.id)
    expect((await asChair.people.profile()).nameEditable).toBe(false)
    await expect(
      asChair.people.updateProfile({ displayName: 'Someone Else', organisation: null }),
    ).rejects.toThrow(/as the Register/)
    expect(
      (await asChair.people.updateProfile({ displayName: chair.name, organisation: 'House of Commons' }))
        .organisation,
    ).toBe('House of Commons')
  })

  it('hub participants are shown to the group, its partner groups and the site admin; not to others', async ({
    db,
    world,
    api,
  }) => {
    const chair = await registerChair(db, 'cancer')
    const participant = await addHubMember(db, 'cancer', 'Hub Member', 'member')
    const list = async (personId: string | null) =>
      (await api.as(personId)).people.participants({ slug: 'cancer' })

    const seen = await list(participant.id)
    // Accounts only: the Register's people (no address to sign in with) are not hub participants.
    expect(seen.participants.map((p) => p.name)).toEqual(['Hub Member'])
    expect(seen.participants.map((p) => p.personId)).not.toContain(chair.id)
    expect(seen.participants[0]).toMatchObject({ role: 'member', registerTitle: null, listedPublicly: false })

    expect(await refusal(list(null))).toBe('UNAUTHORIZED')
    expect(await refusal(list(world.people.betaOfficer.id))).toBe('FORBIDDEN')
    expect((await list(world.people.admin.id)).participants).toHaveLength(1)

    // Beta becomes a partner of Cancer by sharing a topic: its people now see Cancer's participants.
    const topicId = newId()
    const now = new Date().toISOString()
    await db
      .insertInto('topic')
      .values({
        id: topicId,
        appg_id: world.beta.id,
        title: 'Shared',
        summary: '',
        tags: '[]',
        visibility: 'participants',
        status: 'open',
        created_by: world.people.betaOfficer.id,
        created_at: now,
        updated_at: now,
        last_activity_at: now,
      })
      .execute()
    await db
      .insertInto('participant')
      .values([
        { item_type: 'topic', item_id: topicId, appg_id: world.beta.id, is_owner: 1, joined_at: now },
        {
          item_type: 'topic',
          item_id: topicId,
          appg_id: await groupId(db, 'cancer'),
          is_owner: 0,
          joined_at: now,
        },
      ])
      .execute()
    expect((await list(world.people.betaOfficer.id)).participants.map((p) => p.name)).toEqual(['Hub Member'])
    expect(await refusal(list(world.people.outsider.id))).toBe('FORBIDDEN')
  })

  it('the last chair account cannot leave while the Register chair has no account', async ({ db, api }) => {
    const registerChairPerson = await registerChair(db, 'cancer')
    expect(registerChairPerson.email).toBeNull()
    const hubChair = await addHubMember(db, 'cancer', 'Hub Chair', 'chair', 'admin')
    const officer = await addHubMember(db, 'cancer', 'Hub Officer', 'officer', 'admin')
    const asChair = await api.as(hubChair.id)

    expect(await refusal(asChair.memberships.leave({ slug: 'cancer' }))).toBe('CONFLICT')
    expect(
      await refusal(
        asChair.memberships.changeRole({ slug: 'cancer', personId: hubChair.id, role: 'officer' }),
      ),
    ).toBe('CONFLICT')
    // Another chair who can sign in: now the first may go.
    await asChair.memberships.changeRole({ slug: 'cancer', personId: officer.id, role: 'chair' })
    await asChair.memberships.leave({ slug: 'cancer' })
    // Taking the Register chair off the hub's roll changes nobody's powers, so it is not refused.
    const asOfficerNowChair = await api.as(officer.id)
    await asOfficerNowChair.memberships.remove({ slug: 'cancer', personId: registerChairPerson.id })
  })

  it('a chair whose account is erased does not count as a chair who can act', async ({ db, api }) => {
    const first = await addHubMember(db, 'cancer', 'First Chair', 'chair', 'admin')
    const second = await addHubMember(db, 'cancer', 'Second Chair', 'chair', 'admin')
    await db
      .updateTable('person')
      .set({ erased_at: new Date().toISOString() })
      .where('id', '=', second.id)
      .execute()
    expect(await refusal((await api.as(first.id)).memberships.leave({ slug: 'cancer' }))).toBe('CONFLICT')
  })

  it('the site admin sees the groups nobody can act for, with their Register chair and contact', async ({
    db,
    world,
    api,
  }) => {
    const admin = await api.as(world.people.admin.id)
    const before = await admin.people.withoutOfficerAccount()
    const cancer = before.find((g) => g.slug === 'cancer')
    const chair = await registerChair(db, 'cancer')
    expect(cancer?.registerChairs.map((c) => c.personId)).toEqual([chair.id])
    // alpha and beta (the fixtures' groups) have officer accounts.
    expect(before.map((g) => g.slug)).not.toContain('alpha')
    // A secretariat account is not an officer: the group still has nobody to act for it.
    await addHubMember(db, 'cancer', 'Hub Secretariat', 'secretariat', 'admin')
    expect((await admin.people.withoutOfficerAccount()).map((g) => g.slug)).toContain('cancer')
    await addHubMember(db, 'cancer', 'Hub Officer', 'officer', 'admin')
    expect((await admin.people.withoutOfficerAccount()).map((g) => g.slug)).not.toContain('cancer')

    expect(await refusal((await api.as(world.people.chair.id)).people.withoutOfficerAccount())).toBe(
      'FORBIDDEN',
    )
  })

  it('inviting a Register person links the new account to them; the officer list does not grow', async ({
    db,
    world,
    api,
  }) => {
    const chair = await registerChair(db, 'cancer')
    const before = await (await api.as(null)).register.group({ slug: 'cancer' })
    const admin = await api.as(world.people.admin.id)
    // The invitation form's search among the group's Register people.
    const found = await admin.people.registerPeople({ slug: 'cancer', q: chair.name.slice(0, 4) })
    expect(found.map((p) => p.personId)).toContain(chair.id)

    await admin.memberships.invite({
      slug: 'cancer',
      email: 'real.chair@example.org',
      role: 'chair',
      registerPersonId: chair.id,
    })
    const mail = await db
      .selectFrom('email_outbox')
      .select('body_text')
      .where('to_email', '=', 'real.chair@example.org')
      .executeTakeFirstOrThrow()
    expect(mail.body_text).toContain(`The invitation is for ${chair.name}`)
    const token = /\/join\/([a-z2-7]{32})/.exec(mail.body_text)![1]!
    expect((await (await api.as(null)).memberships.describeInvite({ token })).registerName).toBe(chair.name)

    const account = await makePerson(db, 'Real Chair', { email: 'real.chair@example.org' })
    await (await api.as(account.id)).memberships.acceptInvite({ token })

    // No second person: the Register person is the account now, with its Register key.
    expect(
      await db.selectFrom('person').select('id').where('id', '=', chair.id).executeTakeFirst(),
    ).toBeUndefined()
    const after = await (await api.as(null)).register.group({ slug: 'cancer' })
    expect(after.people).toHaveLength(before.people.length)
    const line = after.people.find((p) => p.personId === account.id)
    expect(line).toMatchObject({
      role: 'chair',
      registerTitle: before.people.find((p) => p.personId === chair.id)!.registerTitle,
    })
    // The Register title and the hub role are both there for the group's people.
    const participants = await (await api.as(account.id)).people.participants({ slug: 'cancer' })
    expect(participants.participants).toEqual([
      expect.objectContaining({ personId: account.id, role: 'chair', registerTitle: line!.registerTitle }),
    ])
    // Re-importing the edition keeps the link: no new person, the account still holds the entry.
    const lines = readFileSync(DEMO_REGISTER_FILE, 'utf8').split('\n')
    const again = await importRegister(db, { lines })
    expect(again.persons.created).toBe(0)
    expect((await (await api.as(null)).register.group({ slug: 'cancer' })).people).toEqual(after.people)
    // Nobody can act for it any more is no longer true.
    expect((await admin.people.withoutOfficerAccount()).map((g) => g.slug)).not.toContain('cancer')
    const event = await db
      .selectFrom('audit_event')
      .select(['details', 'actor_id'])
      .where('action', '=', 'person.linked_to_register')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(event.details)).toMatchObject({ registerPersonId: chair.id })
  })

  it('an invitation can only be addressed to an unclaimed Register person of that group', async ({
    db,
    world,
    api,
  }) => {
    const admin = await api.as(world.people.admin.id)
    const hub = await addHubMember(db, 'cancer', 'Hub Person', 'member')
    const otherGroupChair = await registerChair(
      db,
      (
        await db
          .selectFrom('appg')
          .select('slug')
          .where('slug', '!=', 'cancer')
          .where('slug', 'not in', ['alpha', 'beta'])
          .orderBy('slug')
          .executeTakeFirstOrThrow()
      ).slug,
    )
    for (const registerPersonId of [hub.id, otherGroupChair.id, 'no-such-person'])
      expect(
        await refusal(
          admin.memberships.invite({
            slug: 'cancer',
            email: 'x@example.org',
            role: 'member',
            registerPersonId,
          }),
        ),
      ).toBe('BAD_REQUEST')
    // Only those who may invite may search the Register people to invite.
    expect(
      await refusal((await api.as(world.people.member.id)).people.registerPeople({ slug: 'alpha' })),
    ).toBe('FORBIDDEN')
  })

  it('a site administrator links an account to a Register person, once; audited', async ({
    db,
    world,
    api,
  }) => {
    const chair = await registerChair(db, 'cancer')
    const account = await makePerson(db, 'Claimant', { email: 'claimant@example.org' })
    const admin = await api.as(world.people.admin.id)
    expect(
      await refusal(admin.people.linkAccount({ email: 'nobody@example.org', registerPersonId: chair.id })),
    ).toBe('BAD_REQUEST')
    expect(
      await admin.people.linkAccount({ email: 'Claimant@Example.org', registerPersonId: chair.id }),
    ).toEqual({
      personId: account.id,
      name: 'Claimant',
    })
    const page = await (await api.as(null)).register.group({ slug: 'cancer' })
    expect(page.people.find((p) => p.personId === account.id)?.role).toBe('chair')
    // Linked once: the account cannot take a second Register identity.
    const other = (await registerListing(db, 'cancer')).length
    expect(other).toBeGreaterThan(1)
    const second = await db
      .selectFrom('membership')
      .innerJoin('person', 'person.id', 'membership.person_id')
      .select('person.id')
      .where('membership.source', '=', 'register')
      .where('person.email', 'is', null)
      .executeTakeFirstOrThrow()
    expect(
      await refusal(admin.people.linkAccount({ email: 'claimant@example.org', registerPersonId: second.id })),
    ).toBe('CONFLICT')
    const events = await db
      .selectFrom('audit_event')
      .select('actor_id')
      .where('action', '=', 'person.linked_to_register')
      .execute()
    expect(events).toEqual([{ actor_id: world.people.admin.id }])
  })
})
