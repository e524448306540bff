/**
 * Fixtures in the manner of the Epic Stack: rows made directly in the database, and callers that
 * are signed in by creating a session directly (no password round trip).
 */
import { type ApiDeps, appRouter, createApiContext, createCallerFactory } from '@appg-hub/api'
import { createSignIn, DAY, fakeClock, type HubConfig, SIGN_IN_COOKIE } from '@appg-hub/core'
import type { Db } from '@appg-hub/db'
import { signInAuth } from '@appg-hub/server/authenticate'
import { makeGroup } from './groups'
import { castPeople, HUB_CAST } from './people'

export const testConfig: HubConfig = {
  publicUrl: 'http://localhost:3000',
  demoMode: true,
  passwordCost: { ln: 10, r: 8, p: 1 },
  groupInviteTtlMs: 7 * DAY,
  handshakeTtlMs: 14 * DAY,
}

export { makeGroup } from './groups'
export { addMember, makePerson } from './people'

/**
 * Two groups, `alpha` and `beta`, with one person per role in alpha, an officer of beta, an
 * outsider with no group, and a site admin.
 */
export async function makeWorld(db: Db) {
  const alpha = await makeGroup(db, 'alpha', 'APPG on Alpha')
  const beta = await makeGroup(db, 'beta', 'APPG on Beta')
  const people = await castPeople(db, { alpha, beta }, HUB_CAST)
  return { alpha, beta, people }
}

const createCaller = createCallerFactory(appRouter)

/** A tRPC caller acting as `personId` (or signed out), sharing one fake clock. */
export function callers(db: Db, clock = fakeClock(new Date())) {
  const deps: ApiDeps = { db, clock, config: testConfig }
  return {
    clock,
    deps,
    /** `clientAddress`: where the request comes from, as the HTTP layer finds it (none by default). */
    async as(personId: string | null, facts: { clientAddress?: string | null } = {}) {
      const token = personId ? (await createSignIn({ db, clock }, personId, 'test')).token : undefined
      // The caller as the HTTP layer's `authenticate` would find them; the cookies it sets go nowhere.
      const auth = signInAuth(deps, {
        get: (name) => (name === SIGN_IN_COOKIE ? token : undefined),
        set: () => {},
      })
      return createCaller(
        createApiContext(deps, auth, {
          userAgent: null,
          clientAddress: facts.clientAddress ?? null,
          setHeader: () => {},
        }),
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
