/**
 * The demo world: the APPG on Personalised Medicine (not on the Register; secretariat by the PHG
 * Foundation) and one account per role, some of them also in the real APPGs on Cancer,
 * Respiratory Health and Diabetes, so that the joint-work journey of docs/architecture.md §1 can be walked
 * through from the first start. Assumes the Register edition and the members file are imported.
 */
import { audit, newPersonRow } from '@appg-hub/core'
import {
  type AppgTable,
  bumpCacheVersion,
  type Db,
  DEMO_EMAIL_DOMAIN,
  DEMO_PASSWORD,
  indexItem,
  type MembershipTable,
  newId,
  type PersonKind,
  type PersonTable,
  type Role,
} from '@appg-hub/db'
import type { Insertable } from 'kysely'

export { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '@appg-hub/db'
export const DEMO_GROUP_SLUG = 'personalised-medicine'

export interface DemoAccount {
  email: string
  password: string
  /** The account's role in `group`; 'admin' for the site administrator. */
  role: Role | 'admin'
  /** Slug of the account's main group; null for the site administrator. */
  group: string | null
  displayName: string
  /** Every group the account belongs to, main group first. */
  groups: { slug: string; role: Role }[]
}

export interface SeedDemoOptions {
  hashPassword: (password: string) => Promise<string>
  clock?: () => Date
}

interface DemoPerson {
  local: string
  displayName: string
  kind: PersonKind
  organisation: string | null
  isSiteAdmin?: boolean
  groups: { slug: string; role: Role; title?: string }[]
}

const PM = DEMO_GROUP_SLUG

const PEOPLE: DemoPerson[] = [
  {
    local: 'chair',
    displayName: 'Dr Priya Raman',
    kind: 'mp',
    organisation: 'House of Commons',
    groups: [{ slug: PM, role: 'chair', title: 'Chair & Registered Contact' }],
  },
  {
    local: 'secretariat',
    displayName: 'Tom Whitfield',
    kind: 'secretariat',
    organisation: 'PHG Foundation',
    groups: [{ slug: PM, role: 'secretariat' }],
  },
  {
    local: 'officer',
    displayName: 'Sarah Okafor',
    kind: 'mp',
    organisation: 'House of Commons',
    groups: [
      { slug: PM, role: 'officer', title: 'Vice Chair' },
      { slug: 'cancer', role: 'officer', title: 'Officer' },
    ],
  },
  {
    local: 'member',
    displayName: 'James Penrose',
    kind: 'mp',
    organisation: 'House of Commons',
    groups: [{ slug: PM, role: 'member' }],
  },
  {
    local: 'observer',
    displayName: 'Grace Lindqvist',
    kind: 'staff',
    organisation: 'Parliamentary researcher',
    groups: [{ slug: PM, role: 'observer' }],
  },
  {
    local: 'cancer-secretariat',
    displayName: 'Rachel Adeyemi',
    kind: 'secretariat',
    organisation: 'Macmillan Cancer Support',
    groups: [{ slug: 'cancer', role: 'secretariat' }],
  },
  {
    local: 'cancer-member',
    displayName: 'Owen Price',
    kind: 'mp',
    organisation: 'House of Commons',
    groups: [{ slug: 'cancer', role: 'member' }],
  },
  {
    local: 'respiratory-officer',
    displayName: 'Fiona MacLeod',
    kind: 'mp',
    organisation: 'House of Commons',
    groups: [{ slug: 'respiratory-health', role: 'officer', title: 'Vice Chair' }],
  },
  {
    local: 'respiratory-member',
    displayName: 'Daniel Osei',
    kind: 'mp',
    organisation: 'House of Commons',
    groups: [{ slug: 'respiratory-health', role: 'member' }],
  },
  {
    local: 'diabetes-officer',
    displayName: 'Hannah Brooks',
    kind: 'mp',
    organisation: 'House of Commons',
    groups: [{ slug: 'diabetes', role: 'officer', title: 'Officer' }],
  },
  {
    local: 'admin',
    displayName: 'Hub Administrator',
    kind: 'staff',
    organisation: 'APPG Hub',
    isSiteAdmin: true,
    groups: [],
  },
]

const REAL_GROUPS = ['cancer', 'respiratory-health', 'diabetes'] as const

function emailOf(person: DemoPerson): string {
  return `${person.local}@${DEMO_EMAIL_DOMAIN}`.toLowerCase()
}

function accountsOf(): DemoAccount[] {
  return PEOPLE.map((p) => ({
    email: emailOf(p),
    password: DEMO_PASSWORD,
    role: p.isSiteAdmin ? 'admin' : p.groups[0]!.role,
    group: p.groups[0]?.slug ?? null,
    displayName: p.displayName,
    groups: p.groups.map(({ slug, role }) => ({ slug, role })),
  }))
}

function personalisedMedicine(now: string): Insertable<AppgTable> {
  return {
    id: newId(),
    slug: PM,
    title: 'All-Party Parliamentary Group on Personalised Medicine',
    purpose:
      'To raise awareness of personalised medicine — prevention, diagnosis and treatment tailored to a ' +
      "person's genes, biology and circumstances — and its place in the NHS; and, through a joint work " +
      'programme with partner groups, to examine its use in lung cancer, cardiovascular disease and diabetes.',
    category: 'Subject Group',
    registered_contact_name: 'Dr Priya Raman',
    registered_contact_address: 'House of Commons, London, SW1A 0AA.',
    registered_contact_email: `chair@${DEMO_EMAIL_DOMAIN}`,
    public_enquiry_point_name: 'Tom Whitfield, PHG Foundation',
    public_enquiry_point_email: `secretariat@${DEMO_EMAIL_DOMAIN}`,
    secretariat: "PHG Foundation acts as the group's secretariat.",
    website_url: 'https://www.phgfoundation.org',
    agm_date: '2026-03-18',
    agm_statement_published: 0,
    agm_reporting_year: '18 Mar to 17 Mar',
    agm_next_deadline: '2027-04-17',
    registrable_benefits: 'Benefits In Kind',
    status: 'registered',
    register_edition: 'demo',
    source_url: null,
    created_at: now,
    updated_at: now,
  }
}

/**
 * Adds the demo world. Idempotent: what exists already (found by e-mail, slug and person × group)
 * is left as it is, so a second call writes nothing. Returns the demo accounts either way.
 * Throws, before writing anything, when the real groups it joins are not in the database.
 */
export async function seedDemo(db: Db, options: SeedDemoOptions): Promise<DemoAccount[]> {
  const clock = options.clock ?? (() => new Date())
  const accounts = accountsOf()
  const emails = accounts.map((a) => a.email)
  const [existingPeople, existingGroups] = await Promise.all([
    db.selectFrom('person').select(['id', 'email']).where('email', 'in', emails).execute(),
    db
      .selectFrom('appg')
      .select(['id', 'slug'])
      .where('slug', 'in', [PM, ...REAL_GROUPS])
      .execute(),
  ])
  const groupIds = new Map(existingGroups.map((g) => [g.slug, g.id]))
  const missingReal = REAL_GROUPS.filter((slug) => !groupIds.has(slug))
  if (missingReal.length > 0)
    throw new Error(
      `The demo needs the APPGs ${missingReal.join(', ')}: import the Register (2026-06-29 edition and the members file) first`,
    )
  const personIds = new Map(existingPeople.map((p) => [p.email!, p.id]))
  const existingMemberships =
    personIds.size === 0
      ? []
      : await db
          .selectFrom('membership')
          .select(['person_id', 'appg_id'])
          .where('person_id', 'in', [...personIds.values()])
          .execute()
  const member = new Set(existingMemberships.map((m) => `${m.person_id} ${m.appg_id}`))

  const now = clock().toISOString()
  const people: Insertable<PersonTable>[] = []
  const memberships: Insertable<MembershipTable>[] = []
  let group: Insertable<AppgTable> | null = null
  if (!groupIds.has(PM)) {
    group = personalisedMedicine(now)
    groupIds.set(PM, group.id)
  }
  const missing = PEOPLE.filter((p) => !personIds.has(emailOf(p)))
  const hash = missing.length > 0 ? await options.hashPassword(DEMO_PASSWORD) : null
  for (const p of missing) {
    const row = newPersonRow(
      {
        email: emailOf(p),
        displayName: p.displayName,
        kind: p.kind,
        organisation: p.organisation,
        // One hash for all: they share the password by design, and hashing is slow on purpose.
        passwordHash: hash,
        isSiteAdmin: p.isSiteAdmin,
      },
      now,
    )
    personIds.set(emailOf(p), row.id)
    people.push(row)
  }
  for (const p of PEOPLE) {
    const personId = personIds.get(emailOf(p))!
    for (const g of p.groups) {
      const appgId = groupIds.get(g.slug)!
      if (member.has(`${personId} ${appgId}`)) continue
      memberships.push({
        id: newId(),
        person_id: personId,
        appg_id: appgId,
        role: g.role,
        register_title: g.title ?? null,
        source: 'demo',
        created_at: now,
        updated_at: now,
      })
    }
  }
  if (!group && people.length === 0 && memberships.length === 0) return accounts

  await db.transaction().execute(async (trx) => {
    if (group) {
      const appgId = group.id
      await trx.insertInto('appg').values(group).execute()
      await indexItem(trx, 'group', group.id, { isNew: true })
      await bumpCacheVersion(trx, 'register')
      await trx
        .insertInto('appg_tag')
        .values([
          { appg_id: appgId, tag: 'Health, Medicine & Public Health' },
          { appg_id: appgId, tag: 'Science, Technology & Innovation' },
        ])
        .execute()
      await trx
        .insertInto('benefit')
        .values({
          id: newId(),
          appg_id: appgId,
          source: 'PHG Foundation',
          description: "The PHG Foundation provides the group's secretariat. From: 18/03/2026 To: 17/03/2027",
          value_band: '6,001-7,500',
          received: '2026-03-18',
          registered: '2026-03-25',
          benefit_type: 'Benefits In Kind',
          position: 0,
        })
        .execute()
    }
    if (people.length > 0) await trx.insertInto('person').values(people).execute()
    if (memberships.length > 0) await trx.insertInto('membership').values(memberships).execute()
    await audit(
      trx,
      { now: () => new Date(now) },
      {
        actorId: null,
        action: 'demo.seeded',
        appgId: groupIds.get(PM)!,
        itemType: 'appg',
        itemId: groupIds.get(PM)!,
        details: {
          group_created: group !== null,
          accounts_created: people.map((p) => p.email),
          memberships_created: memberships.length,
        },
      },
    )
  })
  return accounts
}
