/**
 * Sign-ins in the manner of Lucia's guide, which calls them sessions (docs/architecture.md §7): plain functions over one table.
 * The cookie holds a random token; the table holds its SHA-256. A sign-in slides forward while it
 * is used (idle timeout) but never beyond its absolute lifetime.
 */
import { type Db, type PersonTable, preparedQuery } from '@appg-hub/db'
import { addMs, DAY } from '../clock'
import type { ServiceContext } from '../context'
import type { MyGroup } from '../memberships/access'
import { hashToken, newToken } from './tokens'

export const SIGN_IN_IDLE_MS = 14 * DAY
export const SIGN_IN_ABSOLUTE_MS = 60 * DAY
export const SIGN_IN_COOKIE = 'appg_session'

export type SignInPerson = Pick<PersonTable, 'id' | 'email' | 'display_name' | 'kind' | 'is_site_admin'>

export interface ValidSignIn {
  id: string
  person: SignInPerson
  expiresAt: string
  /** True when the expiry moved forward and the cookie should be sent again. */
  refreshed: boolean
  /** The person's groups, when asked for (`withGroups`). */
  groups?: MyGroup[]
}

export async function createSignIn(
  { db, clock }: Pick<ServiceContext, 'db' | 'clock'>,
  personId: string,
  userAgent: string | null,
): Promise<{ token: string; expiresAt: string }> {
  const token = newToken()
  const now = clock.now()
  const expiresAt = addMs(now, SIGN_IN_IDLE_MS)
  await db
    .insertInto('auth_session')
    .values({
      id: await hashToken(token),
      person_id: personId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      absolute_expires_at: addMs(now, SIGN_IN_ABSOLUTE_MS),
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    .execute()
  return { token, expiresAt }
}

function signInQuery(db: Db, id: string) {
  return db
    .selectFrom('auth_session')
    .innerJoin('person', 'person.id', 'auth_session.person_id')
    .select([
      'auth_session.expires_at',
      'auth_session.absolute_expires_at',
      'person.id as person_id',
      'person.email',
      'person.display_name',
      'person.kind',
      'person.is_site_admin',
      'person.erased_at',
    ])
    .where('auth_session.id', '=', id)
}

/** The sign-in with its person: run on every signed-in request, so compiled once. */
const signInById = preparedQuery(signInQuery)

/**
 * The same with the person's groups joined alongside, for `me.get` (every page load): one row per
 * group (one row with no group for a person in none). Plain rows rather than JSON: MariaDB's
 * JSON_OBJECT and JSON_ARRAYAGG made this query cost the database about ten times the sign-in's
 * own look-up.
 */
const signInWithGroupsById = preparedQuery((db, id: string) =>
  signInQuery(db, id)
    .leftJoin('membership', 'membership.person_id', 'person.id')
    .leftJoin('appg', 'appg.id', 'membership.appg_id')
    .select([
      'appg.slug as group_slug',
      'appg.title as group_title',
      'membership.role as group_role',
      'membership.register_title as group_register_title',
    ]),
)

/**
 * The sign-in id (the token's SHA-256) of tokens seen lately: a signed-in client sends the same
 * cookie on every request, and hashing it each time was a measurable share of `me.get`. Bounded, the
 * oldest dropped first; it holds what the process is sent anyway and is never written anywhere.
 */
const recentIds = new Map<string, string>()
const RECENT_IDS = 2000

async function sessionIdOf(token: string): Promise<string> {
  const known = recentIds.get(token)
  if (known) return known
  const id = await hashToken(token)
  if (recentIds.size >= RECENT_IDS) recentIds.delete(recentIds.keys().next().value!)
  recentIds.set(token, id)
  return id
}

/**
 * One query on the common path (sign-in joined to its person). The expiry is extended only once
 * half of the idle window has passed, so a busy person does not cause a write per request.
 */
export async function validateSignInToken(
  { db, clock }: Pick<ServiceContext, 'db' | 'clock'>,
  token: string,
  /** Also read the person's groups (ordered by title), in the same query. */
  options: { withGroups?: boolean } = {},
): Promise<ValidSignIn | null> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null
  const id = await sessionIdOf(token)
  let row: Awaited<ReturnType<typeof signInById>>[number] | undefined
  let groups: MyGroup[] | undefined
  if (options.withGroups) {
    const rows = await signInWithGroupsById(db, id)
    row = rows[0]
    groups = groupsOf(rows)
  } else {
    row = (await signInById(db, id))[0]
  }
  if (!row) return null
  const now = clock.now()
  const nowIso = now.toISOString()
  if (row.expires_at <= nowIso || row.absolute_expires_at <= nowIso || row.erased_at) {
    await db.deleteFrom('auth_session').where('id', '=', id).execute()
    return null
  }
  let expiresAt = row.expires_at
  let refreshed = false
  if (new Date(row.expires_at).getTime() - now.getTime() < SIGN_IN_IDLE_MS / 2) {
    expiresAt = addMs(now, SIGN_IN_IDLE_MS)
    if (expiresAt > row.absolute_expires_at) expiresAt = row.absolute_expires_at
    await db
      .updateTable('auth_session')
      .set({ expires_at: expiresAt, last_seen_at: nowIso })
      .where('id', '=', id)
      .execute()
    refreshed = true
  }
  return {
    id,
    expiresAt,
    refreshed,
    groups,
    person: {
      id: row.person_id,
      email: row.email,
      display_name: row.display_name,
      kind: row.kind,
      is_site_admin: row.is_site_admin,
    },
  }
}

type GroupRow = {
  group_slug: string | null
  group_title: string | null
  group_role: MyGroup['role'] | null
  group_register_title: string | null
}

/** The person's groups from the joined rows, by title. */
function groupsOf(rows: GroupRow[]): MyGroup[] {
  return rows
    .flatMap((r) =>
      r.group_slug === null || r.group_title === null || r.group_role === null
        ? []
        : [
            {
              slug: r.group_slug,
              title: r.group_title,
              role: r.group_role,
              registerTitle: r.group_register_title,
            },
          ],
    )
    .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0))
}

export async function invalidateSignIn({ db }: Pick<ServiceContext, 'db'>, signInId: string): Promise<void> {
  await db.deleteFrom('auth_session').where('id', '=', signInId).execute()
}

export async function invalidateAllSignIns(
  { db }: Pick<ServiceContext, 'db'>,
  personId: string,
): Promise<void> {
  await db.deleteFrom('auth_session').where('person_id', '=', personId).execute()
}
