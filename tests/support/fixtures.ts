/**
 * Fixtures in the manner of the Epic Stack: rows made directly in the database, and callers that
 * are signed in by creating a session directly (no password round trip).
 */
import { type ApiDeps, appRouter, createApiContext, createCallerFactory } from '@appg-hub/api'
import { createSession, DAY, fakeClock, type HubConfig, SESSION_COOKIE } from '@appg-hub/core'
import { bumpCacheVersion, type Db, newId, type Role } from '@appg-hub/db'
import { sessionAuth } from '@appg-hub/server/authenticate'

export const testConfig: HubConfig = {
  publicUrl: 'http://localhost:3000',
  demoMode: true,
  passwordCost: { ln: 10, r: 8, p: 1 },
  groupInviteTtlMs: 7 * DAY,
  handshakeTtlMs: 14 * DAY,
}

export async function makePerson(
  db: Db,
  name: string,
  options: { email?: string; siteAdmin?: boolean } = {},
) {
  const now = new Date().toISOString()
  const id = newId()
  const email = options.email ?? `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`
  await db
    .insertInto('person')
    .values({
      id,
      email,
      display_name: name,
      kind: 'other',
      organisation: null,
      party: null,
      mnis_id: null,
      twfy_id: null,
      register_key: null,
      password_hash: null,
      is_site_admin: options.siteAdmin ? 1 : 0,
      email_preference: 'immediate',
      created_at: now,
      updated_at: now,
      erased_at: null,
    })
    .execute()
  return { id, email, name }
}

export async function makeGroup(db: Db, slug: string, title = `APPG on ${slug}`) {
  const now = new Date().toISOString()
  const id = newId()
  await db
    .insertInto('appg')
    .values({
      id,
      slug,
      title,
      purpose: `To discuss ${slug}.`,
      category: 'Subject Group',
      registered_contact_name: null,
      registered_contact_address: null,
      registered_contact_email: null,
      public_enquiry_point_name: null,
      public_enquiry_point_email: null,
      secretariat: null,
      website_url: null,
      agm_date: null,
      agm_statement_published: null,
      agm_reporting_year: null,
      agm_next_deadline: null,
      registrable_benefits: null,
      status: 'registered',
      register_edition: 'test',
      source_url: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  // As the Register import does: cached Register answers are stale from here on.
  await bumpCacheVersion(db, 'register')
  return { id, slug, title }
}

export async function addMember(db: Db, personId: string, appgId: string, role: Role) {
  const now = new Date().toISOString()
  await db
    .insertInto('membership')
    .values({
      id: newId(),
      person_id: personId,
      appg_id: appgId,
      role,
      register_title: null,
      source: 'admin',
      created_at: now,
      updated_at: now,
    })
    .execute()
}

/**
 * Two groups, `alpha` and `beta`, with one person per role in alpha, an officer of beta, an
 * outsider with no group, and a site admin.
 */
export async function makeWorld(db: Db) {
  const alpha = await makeGroup(db, 'alpha', 'APPG on Alpha')
  const beta = await makeGroup(db, 'beta', 'APPG on Beta')
  const people = {
    chair: await makePerson(db, 'Alpha Chair'),
    officer: await makePerson(db, 'Alpha Officer'),
    secretariat: await makePerson(db, 'Alpha Secretariat'),
    member: await makePerson(db, 'Alpha Member'),
    observer: await makePerson(db, 'Alpha Observer'),
    betaOfficer: await makePerson(db, 'Beta Officer'),
    betaChair: await makePerson(db, 'Beta Chair'),
    outsider: await makePerson(db, 'Out Sider'),
    admin: await makePerson(db, 'Site Admin', { siteAdmin: true }),
  }
  for (const role of ['chair', 'officer', 'secretariat', 'member', 'observer'] as const) {
    await addMember(db, people[role].id, alpha.id, role)
  }
  await addMember(db, people.betaOfficer.id, beta.id, 'officer')
  await addMember(db, people.betaChair.id, beta.id, 'chair')
  return { alpha, beta, people }
}

const createCaller = createCallerFactory(appRouter)

/** A tRPC caller acting as `personId` (or signed out), sharing one fake clock. */
export function callers(db: Db, clock = fakeClock(new Date())) {
  const deps: ApiDeps = { db, clock, config: testConfig }
  return {
    clock,
    deps,
    async as(personId: string | null) {
      const token = personId ? (await createSession(db, clock, personId, 'test')).token : undefined
      // The caller as the HTTP layer's `authenticate` would find them; the cookies it sets go nowhere.
      const auth = sessionAuth(deps, {
        get: (name) => (name === SESSION_COOKIE ? token : undefined),
        set: () => {},
      })
      return createCaller(
        createApiContext(deps, auth, { userAgent: null, clientAddress: null, setHeader: () => {} }),
      )
    },
  }
}

/** Everything in the tables a refused call must leave alone, for before/after comparison. */
export async function snapshot(db: Db) {
  const [memberships, invites, outbox, audit] = await Promise.all([
    db.selectFrom('membership').selectAll().orderBy('id').execute(),
    db.selectFrom('group_invite').selectAll().orderBy('id').execute(),
    db.selectFrom('email_outbox').selectAll().orderBy('id').execute(),
    db.selectFrom('audit_event').selectAll().orderBy('id').execute(),
  ])
  return { memberships, invites, outbox, audit }
}
