/**
 * The rule checks as the hub serves them: one group's, for its officers, secretariat and the site
 * administrator (policy action `group.viewRuleChecks`), and every registered group that fails one,
 * for the site administrator. The Register entry is read in four queries whatever the number of
 * groups (entries, people, benefits, sessions to come); the checks themselves are rule-checks.ts.
 */
import { type Db, jsonAgg, type PersonKind, parseJsonArray, type Role } from '@appg-hub/db'
import { type Expression, type SqlBool, sql } from 'kysely'
import type { ServiceContext } from '../context'
import { forbidden, notFound } from '../errors'
import { asGroupForActor, requireActor } from '../memberships/access'
import { REGISTER_SOURCES } from '../people/hub'
import { can, rolesAllowed } from '../policy'
import { checkRules, type RuleCheck, type RuleEntry, type RulePerson } from './rule-checks'

export interface GroupRuleChecks {
  slug: string
  title: string
  /** The Register edition the checks read (YYYY-MM-DD), null for a group made in the hub. */
  edition: string | null
  checks: RuleCheck[]
}

export interface FailingGroup {
  slug: string
  title: string
  edition: string | null
  /** Only the checks that fail. */
  failing: RuleCheck[]
}

/** Text order as the databases' binary collations give it (ISO times here, so plain ASCII). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Register editions are named YYMMDD ("260629"). */
function editionDate(edition: string | null): string | null {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(edition ?? '')
  return m ? `20${m[1]}-${m[2]}-${m[3]}` : null
}

/**
 * The entries, by slug: every registered group's (`slug` null), or one group's with the caller's role
 * in it (`mine.role`). One query: each group's Register people, benefits and public sessions to
 * come are aggregated beside it, and read only where `readable` holds (it may refer to `mine.role`).
 */
async function readEntries(
  db: Db,
  one: { slug: string; actorId: string; readable: Expression<SqlBool> } | null,
  nowIso: string,
) {
  const readable = one?.readable ?? sql<SqlBool>`1 = 1`
  const groupRows = await db
    .selectFrom('appg')
    .leftJoin('membership as mine', (join) =>
      join.onRef('mine.appg_id', '=', 'appg.id').on('mine.person_id', '=', one?.actorId ?? ''),
    )
    .select((eb) => [
      'appg.id',
      'appg.slug',
      'appg.title',
      'appg.register_edition',
      'appg.registered_contact_name',
      'appg.agm_date',
      'appg.agm_statement_published',
      'appg.agm_next_deadline',
      'mine.role',
      eb
        .selectFrom('membership')
        .innerJoin('person', 'person.id', 'membership.person_id')
        .select(
          jsonAgg(db, {
            role: 'membership.role',
            register_title: 'membership.register_title',
            source: 'membership.source',
            person_id: 'person.id',
            display_name: 'person.display_name',
            kind: 'person.kind',
            party: 'person.party',
          }).as('p'),
        )
        .whereRef('membership.appg_id', '=', 'appg.id')
        .where('membership.source', 'in', [...REGISTER_SOURCES])
        .where(readable)
        .as('people'),
      eb
        .selectFrom('benefit')
        .select(
          jsonAgg(db, {
            source: 'benefit.source',
            value_band: 'benefit.value_band',
            received: 'benefit.received',
            registered: 'benefit.registered',
            position: 'benefit.position',
          }).as('b'),
        )
        .whereRef('benefit.appg_id', '=', 'appg.id')
        .where(readable)
        .as('benefits'),
      eb
        .selectFrom('meeting')
        .select(
          jsonAgg(db, {
            title: 'meeting.title',
            starts_at: 'meeting.starts_at',
            visibility: 'meeting.visibility',
            status: 'meeting.status',
          }).as('s'),
        )
        .whereRef('meeting.appg_id', '=', 'appg.id')
        .where('meeting.visibility', '=', 'public')
        .where('meeting.status', 'in', ['draft', 'scheduled'])
        .where('meeting.starts_at', '>=', nowIso)
        .where(readable)
        .as('sessions'),
    ])
    .where((eb) => (one ? eb('appg.slug', '=', one.slug) : eb('appg.status', '=', 'registered')))
    .orderBy('appg.slug')
    .execute()

  return groupRows.map((g) => {
    const mine = parseJsonArray<{
      role: Role
      register_title: string | null
      source: string
      person_id: string
      display_name: string
      kind: PersonKind
      party: string | null
    }>(g.people)
    const benefits = parseJsonArray<{
      source: string | null
      value_band: string | null
      received: string | null
      registered: string | null
      position: number | string
    }>(g.benefits).sort((a, b) => Number(a.position) - Number(b.position))
    const sessions = parseJsonArray<{ title: string; starts_at: string; visibility: string; status: string }>(
      g.sessions,
    ).sort((a, b) => byText(a.starts_at, b.starts_at))
    const officers = mine
      .filter((p) => p.source === 'register' && (p.role === 'chair' || p.role === 'officer'))
      .map((p) => ({
        name: p.display_name,
        kind: p.kind,
        party: p.party,
        role: p.role as 'chair' | 'officer',
        title: p.register_title,
      }))
    // A membership list is known when the data package gave one; officers count as members.
    const listed = mine.some((p) => p.source === 'members_list')
    const members = new Map<string, RulePerson>()
    for (const p of mine)
      if (p.kind === 'mp' || p.kind === 'peer')
        members.set(p.person_id, { name: p.display_name, kind: p.kind, party: p.party })
    const entry: RuleEntry = {
      edition: editionDate(g.register_edition),
      registeredContactName: g.registered_contact_name,
      officers,
      members: listed ? [...members.values()] : null,
      agm: {
        date: g.agm_date,
        statementPublished:
          g.agm_statement_published === null ? null : Boolean(Number(g.agm_statement_published)),
        nextDeadline: g.agm_next_deadline,
      },
      benefits: benefits.map((b) => ({
        source: b.source,
        valueBand: b.value_band,
        received: b.received,
        registered: b.registered,
      })),
      sessions: sessions.map((s) => ({
        title: s.title,
        startsAt: s.starts_at,
        visibility: s.visibility,
        status: s.status,
      })),
    }
    return { slug: g.slug, title: g.title, role: g.role, edition: entry.edition, entry }
  })
}

/** One group's rule checks, for its officers, secretariat and the site administrator. */
export async function groupRuleChecks(
  ctx: ServiceContext,
  input: { slug: string },
): Promise<GroupRuleChecks> {
  const actor = requireActor(ctx.actor)
  const now = ctx.clock.now()
  const roles = rolesAllowed('group.viewRuleChecks')
  const [read] = await readEntries(
    ctx.db,
    {
      slug: input.slug,
      actorId: actor.id,
      readable: actor.isSiteAdmin ? sql<SqlBool>`1 = 1` : sql<SqlBool>`mine.role in (${sql.join(roles)})`,
    },
    now.toISOString(),
  )
  if (!read) throw notFound('That group')
  const group = asGroupForActor({ id: '', slug: read.slug, title: read.title, role: read.role }, actor)
  if (!can({ role: group.role, isSiteAdmin: group.isSiteAdmin, isPublic: false }, 'group.viewRuleChecks'))
    throw forbidden(`Only the officers and secretariat of ${group.title} can see its rule checks.`)
  return {
    slug: read!.slug,
    title: read!.title,
    edition: read!.edition,
    checks: checkRules(read!.entry, now),
  }
}

/** Every registered group failing at least one check, by slug, with the checks it fails (site administrator). */
export async function failingRuleChecks(ctx: Pick<ServiceContext, 'db' | 'clock'>): Promise<FailingGroup[]> {
  const now = ctx.clock.now()
  const reads = await readEntries(ctx.db, null, now.toISOString())
  const failing: FailingGroup[] = []
  for (const read of reads) {
    const fails = checkRules(read.entry, now).filter((c) => c.result === 'fail')
    if (fails.length > 0)
      failing.push({ slug: read.slug, title: read.title, edition: read.edition, failing: fails })
  }
  return failing
}
