/**
 * The rule checks as the hub serves them: one group's, for its officers, secretariat and the site
 * administrator (policy action `group.viewRuleChecks`), and every registered group that fails one,
 * for the site administrator. The Register entry is read in four queries whatever the number of
 * groups (entries, people, benefits, sessions to come); the checks themselves are rule-checks.ts.
 */
import type { Db } from '@appg-hub/db'
import type { ServiceContext } from '../context'
import { forbidden } from '../errors'
import { groupForActor, requireActor } from '../memberships/access'
import { REGISTER_SOURCES } from '../people/hub'
import { can } from '../policy'
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

/** Register editions are named YYMMDD ("260629"). */
function editionDate(edition: string | null): string | null {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(edition ?? '')
  return m ? `20${m[1]}-${m[2]}-${m[3]}` : null
}

/** The entries of the groups `ids` names (every registered group when null, filtered in SQL by status), by slug. */
async function readEntries(db: Db, ids: string[] | null, nowIso: string) {
  let groups = db
    .selectFrom('appg')
    .select([
      'id',
      'slug',
      'title',
      'register_edition',
      'registered_contact_name',
      'agm_date',
      'agm_statement_published',
      'agm_next_deadline',
    ])
    .orderBy('slug')
  groups = ids ? groups.where('id', 'in', ids) : groups.where('status', '=', 'registered')
  const groupRows = await groups.execute()
  if (groupRows.length === 0) return []

  const people = await db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .innerJoin('appg', 'appg.id', 'membership.appg_id')
    .select([
      'membership.appg_id',
      'membership.role',
      'membership.register_title',
      'membership.source',
      'person.id as person_id',
      'person.display_name',
      'person.kind',
      'person.party',
    ])
    .where('membership.source', 'in', [...REGISTER_SOURCES])
    .where((eb) => (ids ? eb('appg.id', 'in', ids) : eb('appg.status', '=', 'registered')))
    .execute()
  const benefits = await db
    .selectFrom('benefit')
    .innerJoin('appg', 'appg.id', 'benefit.appg_id')
    .select(['benefit.appg_id', 'source', 'value_band', 'received', 'registered'])
    .where((eb) => (ids ? eb('appg.id', 'in', ids) : eb('appg.status', '=', 'registered')))
    .orderBy('benefit.position')
    .execute()
  const sessions = await db
    .selectFrom('meeting')
    .innerJoin('appg', 'appg.id', 'meeting.appg_id')
    .select(['meeting.appg_id', 'meeting.title', 'starts_at', 'visibility', 'meeting.status'])
    .where('visibility', '=', 'public')
    .where('meeting.status', 'in', ['draft', 'scheduled'])
    .where('starts_at', '>=', nowIso)
    .where((eb) => (ids ? eb('appg.id', 'in', ids) : eb('appg.status', '=', 'registered')))
    .orderBy('starts_at')
    .execute()

  const byGroup = <T extends { appg_id: string }>(rows: T[]) => {
    const map = new Map<string, T[]>()
    for (const row of rows) {
      const list = map.get(row.appg_id)
      if (list) list.push(row)
      else map.set(row.appg_id, [row])
    }
    return (id: string) => map.get(id) ?? []
  }
  const peopleOf = byGroup(people)
  const benefitsOf = byGroup(benefits)
  const sessionsOf = byGroup(sessions)

  return groupRows.map((g) => {
    const mine = peopleOf(g.id)
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
      benefits: benefitsOf(g.id).map((b) => ({
        source: b.source,
        valueBand: b.value_band,
        received: b.received,
        registered: b.registered,
      })),
      sessions: sessionsOf(g.id).map((s) => ({
        title: s.title,
        startsAt: s.starts_at,
        visibility: s.visibility,
        status: s.status,
      })),
    }
    return { slug: g.slug, title: g.title, edition: entry.edition, entry }
  })
}

/** One group's rule checks, for its officers, secretariat and the site administrator. */
export async function groupRuleChecks(
  ctx: ServiceContext,
  input: { slug: string },
): Promise<GroupRuleChecks> {
  const actor = requireActor(ctx.actor)
  const group = await groupForActor(ctx.db, actor, input.slug)
  if (!can({ role: group.role, isSiteAdmin: group.isSiteAdmin, isPublic: false }, 'group.viewRuleChecks'))
    throw forbidden(`Only the officers and secretariat of ${group.title} can see its rule checks.`)
  const now = ctx.clock.now()
  const [read] = await readEntries(ctx.db, [group.id], now.toISOString())
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
