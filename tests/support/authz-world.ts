/**
 * The world the authorization matrix, the audit check and the fuzzer run in: five groups, one
 * caller per row of the matrix, and factories for disposable items (so that a successful mutation
 * in one case never changes what the next case sees).
 *
 * Groups: `alpha` (the callers' own group: chair, officer, secretariat, member, observer), `beta`
 * (a partner: it takes part in alpha's items and alpha in its), `gamma` (the group of the
 * "unrelated officer" caller: takes part in nothing), `delta` (owns the unrelated and the public
 * items) and `epsilon` (delta's partner, and the group invitations are sent to).
 */
import { appRouter } from '@appg-hub/api'
import { hashPassword, hashToken, newToken } from '@appg-hub/core'
import {
  type AttachmentItemType,
  bumpCacheVersion,
  type Db,
  type ItemType,
  newId,
  type Role,
} from '@appg-hub/db'
import { addMember, callers, makeGroup, makePerson, testConfig } from './fixtures'
import { HEALTH } from './joint-work'

/** The rows of the matrix: who calls. */
export const CALLERS = [
  'signedOut',
  'observer',
  'member',
  'secretariat',
  'officer',
  'chair',
  'partnerOfficer',
  'unrelatedOfficer',
  'siteAdmin',
] as const
export type CallerName = (typeof CALLERS)[number]

/** The relations of the item (or group) a case acts on to the callers' own group, alpha. */
export const ITEM_RELATIONS = ['own', 'partner', 'unrelated', 'public'] as const
export const GROUP_RELATIONS = ['own', 'partner', 'unrelated'] as const
/** For procedures about the caller's own account or about nothing in particular. */
export const SELF = ['self'] as const
export type Relation = (typeof ITEM_RELATIONS)[number] | 'self'
export type GroupRelation = (typeof GROUP_RELATIONS)[number]

export type GroupName = 'alpha' | 'beta' | 'gamma' | 'delta' | 'epsilon'

/** Who each caller is in each group (the model the expectations are computed from). */
export const CALLER_ROLES: Record<CallerName, Partial<Record<GroupName, Role>>> = {
  signedOut: {},
  observer: { alpha: 'observer' },
  member: { alpha: 'member' },
  secretariat: { alpha: 'secretariat' },
  officer: { alpha: 'officer' },
  chair: { alpha: 'chair' },
  partnerOfficer: { beta: 'officer' },
  unrelatedOfficer: { gamma: 'officer' },
  siteAdmin: {},
}

/** The shape of the item for each relation: owner, partner groups, visibility. */
export const ITEM_SHAPES: Record<
  (typeof ITEM_RELATIONS)[number],
  { owner: GroupName; partners: GroupName[]; visibility: 'participants' | 'public' }
> = {
  own: { owner: 'alpha', partners: ['beta'], visibility: 'participants' },
  partner: { owner: 'beta', partners: ['alpha'], visibility: 'participants' },
  unrelated: { owner: 'delta', partners: ['epsilon'], visibility: 'participants' },
  public: { owner: 'delta', partners: ['epsilon'], visibility: 'public' },
}

export const GROUP_OF: Record<GroupRelation, GroupName> = {
  own: 'alpha',
  partner: 'beta',
  unrelated: 'delta',
}

/** People in the world who are not callers: authors and answerers that the cases need. */
const BYSTANDERS = {
  betaChair: ['beta', 'chair'],
  betaMember: ['beta', 'member'],
  gammaMember: ['gamma', 'member'],
  deltaChair: ['delta', 'chair'],
  deltaOfficer: ['delta', 'officer'],
  deltaMember: ['delta', 'member'],
  epsilonChair: ['epsilon', 'chair'],
  epsilonOfficer: ['epsilon', 'officer'],
} as const satisfies Record<string, [GroupName, Role]>

/** The password every person in the world can sign in with (set on demand: hashing costs time). */
export const WORLD_PASSWORD = 'correct horse battery staple'

export type AuthzWorld = Awaited<ReturnType<typeof makeAuthzWorld>>

let emailCounter = 0
/** An address nobody in the world has. */
export function freshEmail(prefix = 'new'): string {
  emailCounter += 1
  return `${prefix}.${process.pid}.${Date.now().toString(36)}.${emailCounter}@example.org`
}

export async function makeAuthzWorld(db: Db) {
  const api = callers(db)
  const groups = {} as Record<GroupName, { id: string; slug: string; title: string }>
  for (const name of ['alpha', 'beta', 'gamma', 'delta', 'epsilon'] as const) {
    groups[name] = await makeGroup(db, name, `APPG on ${name[0]!.toUpperCase()}${name.slice(1)}`)
  }
  await db
    .insertInto('appg_tag')
    .values((['alpha', 'beta', 'delta'] as const).map((g) => ({ appg_id: groups[g].id, tag: HEALTH })))
    .execute()
  await bumpCacheVersion(db, 'register')

  const person: Record<string, { id: string; email: string; name: string }> = {}
  for (const caller of CALLERS) {
    if (caller === 'signedOut') continue
    person[caller] = await makePerson(db, `Caller ${caller}`, { siteAdmin: caller === 'siteAdmin' })
    for (const [group, role] of Object.entries(CALLER_ROLES[caller]))
      await addMember(db, person[caller]!.id, groups[group as GroupName].id, role)
  }
  for (const [name, [group, role]] of Object.entries(BYSTANDERS)) {
    person[name] = await makePerson(db, `Bystander ${name}`)
    await addMember(db, person[name]!.id, groups[group].id, role)
  }

  /** The person id of a caller (null when signed out). */
  const idOf = (caller: CallerName): string | null => (caller === 'signedOut' ? null : person[caller]!.id)
  const ownerOfficer: Record<GroupName, string> = {
    alpha: person.officer!.id,
    beta: person.partnerOfficer!.id,
    gamma: person.unrelatedOfficer!.id,
    delta: person.deltaOfficer!.id,
    epsilon: person.epsilonOfficer!.id,
  }
  /** Someone who comments on an item of this relation but is none of the callers. */
  const bystanderAuthor: Record<(typeof ITEM_RELATIONS)[number], string> = {
    own: person.betaMember!.id,
    partner: person.betaMember!.id,
    unrelated: person.deltaMember!.id,
    public: person.deltaMember!.id,
  }

  const now = () => api.clock.now().toISOString()
  let seq = 0

  async function addParticipants(
    type: ItemType,
    id: string,
    shape: { owner: GroupName; partners: GroupName[] },
    at: string,
  ) {
    await db
      .insertInto('participant')
      .values([
        { item_type: type, item_id: id, appg_id: groups[shape.owner].id, is_owner: 1, joined_at: at },
        ...shape.partners.map((p) => ({
          item_type: type,
          item_id: id,
          appg_id: groups[p].id,
          is_owner: 0,
          joined_at: at,
        })),
      ])
      .execute()
  }

  const make = {
    /** A topic shaped like `relation` (owner, partners, visibility), made directly in the database. */
    async topic(
      relation: (typeof ITEM_RELATIONS)[number] | (typeof ITEM_SHAPES)[keyof typeof ITEM_SHAPES],
      options: { status?: 'open' | 'closed' | 'archived'; title?: string } = {},
    ): Promise<string> {
      const shape = typeof relation === 'string' ? ITEM_SHAPES[relation] : relation
      const id = newId()
      const at = now()
      seq += 1
      await db
        .insertInto('topic')
        .values({
          id,
          appg_id: groups[shape.owner].id,
          title: options.title ?? `Topic ${seq} (${shape.owner})`,
          summary: 'A topic for the authorization matrix.',
          tags: JSON.stringify([HEALTH]),
          visibility: shape.visibility,
          status: options.status ?? 'open',
          created_by: ownerOfficer[shape.owner],
          created_at: at,
          updated_at: at,
          last_activity_at: at,
        })
        .execute()
      await db
        .insertInto('participant')
        .values([
          { item_type: 'topic', item_id: id, appg_id: groups[shape.owner].id, is_owner: 1, joined_at: at },
          ...shape.partners.map((p) => ({
            item_type: 'topic' as const,
            item_id: id,
            appg_id: groups[p].id,
            is_owner: 0,
            joined_at: at,
          })),
        ])
        .execute()
      return id
    },

    /**
     * A session shaped like `relation`, made directly in the database: scheduled by default (a
     * draft's `visibility` stays 'participants' whatever the hosts chose, as in the product).
     */
    async meeting(
      relation: (typeof ITEM_RELATIONS)[number] | (typeof ITEM_SHAPES)[keyof typeof ITEM_SHAPES],
      options: {
        status?: 'draft' | 'scheduled' | 'cancelled' | 'held'
        past?: boolean
        capacity?: number | null
      } = {},
    ): Promise<string> {
      const shape = typeof relation === 'string' ? ITEM_SHAPES[relation] : relation
      const status = options.status ?? 'scheduled'
      const id = newId()
      const at = api.clock.now()
      const day = 24 * 60 * 60 * 1000
      const startsAt = new Date(at.getTime() + (options.past ? -2 * day : 7 * day))
      seq += 1
      await db
        .insertInto('meeting')
        .values({
          id,
          appg_id: groups[shape.owner].id,
          topic_id: null,
          title: `Session ${seq} (${shape.owner})`,
          description: 'A session for the authorization matrix.',
          starts_at: startsAt.toISOString(),
          ends_at: new Date(startsAt.getTime() + 60 * 60 * 1000).toISOString(),
          place: 'Committee Room 10',
          online_url: null,
          visibility: status === 'draft' ? 'participants' : shape.visibility,
          intended_visibility: shape.visibility,
          capacity: options.capacity === undefined ? 50 : options.capacity,
          status,
          cancel_reason: status === 'cancelled' ? 'Called off.' : null,
          sequence: 0,
          created_by: ownerOfficer[shape.owner],
          created_at: at.toISOString(),
          updated_at: at.toISOString(),
        })
        .execute()
      await addParticipants('meeting', id, shape, at.toISOString())
      return id
    },

    async agendaItem(meetingId: string, position = 1): Promise<string> {
      const id = newId()
      await db
        .insertInto('agenda_item')
        .values({
          id,
          meeting_id: meetingId,
          position,
          title: `Item ${position}`,
          speakers: null,
          duration_minutes: 15,
          notes: null,
        })
        .execute()
      return id
    },

    async signup(meetingId: string, personId: string, status: 'going' | 'maybe' = 'going'): Promise<string> {
      const id = newId()
      await db
        .insertInto('signup')
        .values({
          id,
          meeting_id: meetingId,
          person_id: personId,
          name: null,
          email: null,
          status,
          confirm_token_hash: null,
          created_at: now(),
          updated_at: now(),
        })
        .execute()
      return id
    },

    /** An email-only interest waiting for confirmation; returns the confirmation token. */
    async interest(meetingId: string): Promise<string> {
      const token = newToken()
      await db
        .insertInto('signup')
        .values({
          id: newId(),
          meeting_id: meetingId,
          person_id: null,
          name: 'A Visitor',
          email: freshEmail('visitor'),
          status: 'interest_unconfirmed',
          confirm_token_hash: await hashToken(token),
          created_at: now(),
          updated_at: now(),
        })
        .execute()
      return token
    },

    /**
     * A document shaped like `relation`, with one revision. The public relation's document is
     * published (a public draft is still for its participants only); the others are drafts.
     */
    async document(
      relation: (typeof ITEM_RELATIONS)[number] | (typeof ITEM_SHAPES)[keyof typeof ITEM_SHAPES],
      options: {
        status?: 'draft' | 'published'
        revisions?: number
        /** The revision approved for the public (default the head); later ones are the draft. */
        publishedNumber?: number
      } = {},
    ): Promise<{ id: string; revisionId: string; headNumber: number }> {
      const shape = typeof relation === 'string' ? ITEM_SHAPES[relation] : relation
      const status = options.status ?? (shape.visibility === 'public' ? 'published' : 'draft')
      const id = newId()
      const at = now()
      seq += 1
      const count = options.revisions ?? 1
      const revisionIds = Array.from({ length: count }, () => newId())
      const publishedNumber = options.publishedNumber ?? count
      await db
        .insertInto('document')
        .values({
          id,
          appg_id: groups[shape.owner].id,
          kind: 'briefing',
          title: `Document ${seq} (${shape.owner})`,
          status,
          visibility: shape.visibility,
          head_revision_id: null,
          head_number: 0,
          created_by: ownerOfficer[shape.owner],
          created_at: at,
          updated_at: at,
        })
        .execute()
      for (const [i, revisionId] of revisionIds.entries()) {
        await db
          .insertInto('revision')
          .values({
            id: revisionId,
            document_id: id,
            number: i + 1,
            // The working draft after the approved revision says other words (see authz-search).
            body:
              i + 1 > publishedNumber && status === 'published'
                ? `Version ${i + 1}, a working draft.\n\nIt says other things.`
                : `Version ${i + 1} of the briefing.\n\nIt says things.`,
            author_id: ownerOfficer[shape.owner],
            base_revision_id: i === 0 ? null : revisionIds[i - 1]!,
            merged: 0,
            created_at: at,
          })
          .execute()
      }
      await db
        .updateTable('document')
        .set({
          head_revision_id: revisionIds[count - 1]!,
          head_number: count,
          published_revision_id: status === 'published' ? revisionIds[publishedNumber - 1]! : null,
        })
        .where('id', '=', id)
        .execute()
      await addParticipants('document', id, shape, at)
      return { id, revisionId: revisionIds[count - 1]!, headNumber: count }
    },

    /**
     * A pending publication request for an item of `relation`, asked by its owner group's officer
     * (whose group has therefore consented); `status` for one already decided.
     */
    async publicationRequest(
      itemType: ItemType,
      itemId: string,
      relation: (typeof ITEM_RELATIONS)[number],
      status: 'pending' | 'approved' = 'pending',
    ): Promise<string> {
      const shape = ITEM_SHAPES[relation]
      const id = newId()
      const at = now()
      await db
        .insertInto('publication_request')
        .values({
          id,
          item_type: itemType,
          item_id: itemId,
          visibility: 'public',
          revision_id: null,
          status,
          pending_key: status === 'pending' ? `${itemType}:${itemId}` : null,
          from_appg_id: groups[shape.owner].id,
          requested_by: ownerOfficer[shape.owner],
          message: null,
          created_at: at,
          expires_at: new Date(api.clock.now().getTime() + 14 * 24 * 3600 * 1000).toISOString(),
          decided_at: null,
          decided_by: null,
          decided_appg_id: null,
          reason: null,
        })
        .execute()
      await db
        .insertInto('publication_consent')
        .values({ request_id: id, appg_id: groups[shape.owner].id, person_id: ownerOfficer[shape.owner], at })
        .execute()
      return id
    },

    /** An explicit link from a document to an item. */
    async link(documentId: string, toType: ItemType, toId: string): Promise<string> {
      const id = newId()
      await db
        .insertInto('link')
        .values({
          id,
          from_type: 'document',
          from_id: documentId,
          to_type: toType,
          to_id: toId,
          link_type: 'references',
          origin: 'explicit',
          created_by: person.officer!.id,
          created_at: now(),
        })
        .execute()
      return id
    },

    async comment(
      itemType: ItemType,
      itemId: string,
      authorId: string,
      options: { hidden?: boolean; parentId?: string | null; body?: string } = {},
    ): Promise<string> {
      const id = newId()
      const at = now()
      await db
        .insertInto('comment')
        .values({
          id,
          item_type: itemType,
          item_id: itemId,
          parent_id: options.parentId ?? null,
          author_id: authorId,
          body: options.body ?? 'A comment for the matrix.',
          created_at: at,
          edited_at: null,
          deleted_at: null,
          hidden_at: options.hidden ? at : null,
          hidden_by: options.hidden ? person.deltaChair!.id : null,
          hidden_reason: options.hidden ? 'Off topic.' : null,
        })
        .execute()
      return id
    },

    /** One version of a file on an item or comment (metadata only: list, get and remove read no bytes). */
    async attachment(
      itemType: AttachmentItemType,
      itemId: string,
      uploaderId: string,
      owner: GroupName,
      options: { deleted?: boolean; chainId?: string; version?: number } = {},
    ): Promise<string> {
      const id = newId()
      const at = now()
      await db
        .insertInto('attachment')
        .values({
          id,
          item_type: itemType,
          item_id: itemId,
          appg_id: groups[owner].id,
          chain_id: options.chainId ?? id,
          version: options.version ?? 1,
          name: `evidence-${id.slice(-4)}.pdf`,
          size: 1234,
          media_type: 'application/pdf',
          sha256: '0'.repeat(64),
          storage_key: `attachments/${id}`,
          uploaded_by: uploaderId,
          created_at: at,
          deleted_at: options.deleted ? at : null,
          deleted_by: options.deleted ? uploaderId : null,
        })
        .execute()
      return id
    },

    async follow(personId: string, itemType: ItemType, itemId: string) {
      await db
        .insertInto('follow')
        .values({ person_id: personId, item_type: itemType, item_id: itemId, created_at: now() })
        .execute()
    },

    /** A pending handshake invitation for `itemId` from `from` (its owner) to `to`. */
    async invitation(itemType: ItemType, itemId: string, from: GroupName, to: GroupName): Promise<string> {
      const id = newId()
      const at = api.clock.now()
      await db
        .insertInto('invitation')
        .values({
          id,
          item_type: itemType,
          item_id: itemId,
          from_appg_id: groups[from].id,
          to_appg_id: groups[to].id,
          message: null,
          reply: null,
          status: 'pending',
          pending_key: `${itemType}:${itemId}:${groups[to].id}`,
          sent_by: ownerOfficer[from],
          answered_by: null,
          created_at: at.toISOString(),
          answered_at: null,
          expires_at: new Date(at.getTime() + testConfig.handshakeTtlMs).toISOString(),
        })
        .execute()
      return id
    },

    /** An open invitation by email to join `group` as `role`; returns its id and its secret token. */
    async groupInvite(group: GroupName, role: Role, email = freshEmail('invitee')) {
      const token = newToken()
      const id = newId()
      const at = api.clock.now()
      await db
        .insertInto('group_invite')
        .values({
          id,
          appg_id: groups[group].id,
          email,
          role,
          token_hash: await hashToken(token),
          invited_by: ownerOfficer[group],
          created_at: at.toISOString(),
          expires_at: new Date(at.getTime() + testConfig.groupInviteTtlMs).toISOString(),
          accepted_at: null,
          accepted_by: null,
          revoked_at: null,
        })
        .execute()
      return { id, token, email }
    },

    /** A new person holding `role` in `group`. */
    async member(group: GroupName, role: Role) {
      seq += 1
      const p = await makePerson(db, `Extra ${role} ${seq}`, { email: freshEmail(`extra-${role}`) })
      await addMember(db, p.id, groups[group].id, role)
      return p.id
    },

    async notification(personId: string, text = 'Something happened.') {
      const id = newId()
      await db
        .insertInto('notification')
        .values({
          id,
          person_id: personId,
          kind: 'comment.added',
          item_type: null,
          item_id: null,
          appg_id: null,
          actor_id: null,
          text,
          created_at: now(),
          read_at: null,
          emailed_at: null,
          comment_id: null,
          link_path: null,
          excerpt: null,
        })
        .execute()
      return id
    },

    /** Gives the person the world's password (scrypt at the test cost). */
    async password(personId: string) {
      const hash = await hashPassword(WORLD_PASSWORD, testConfig.passwordCost)
      await db.updateTable('person').set({ password_hash: hash }).where('id', '=', personId).execute()
    },

    /** An open password-reset link for the person; returns its token (only a hash is stored). */
    async passwordReset(personId: string): Promise<string> {
      const token = newToken()
      const at = api.clock.now()
      await db
        .insertInto('password_reset')
        .values({
          id: newId(),
          person_id: personId,
          token_hash: await hashToken(token),
          created_at: at.toISOString(),
          expires_at: new Date(at.getTime() + 60 * 60 * 1000).toISOString(),
          used_at: null,
        })
        .execute()
      return token
    },

    /** A person with the world's password, to sign in as. */
    async account() {
      seq += 1
      const email = freshEmail('account')
      const p = await makePerson(db, `Account ${seq}`, { email })
      await make.password(p.id)
      return { id: p.id, email }
    },
  }

  return { db, api, groups, person, idOf, ownerOfficer, bystanderAuthor, make }
}

/** A flat list of every procedure of the app router: path, type and declared access. */
export interface ProcedureInfo {
  path: string
  type: 'query' | 'mutation' | 'subscription'
  access: 'public' | 'signed-in' | 'site-admin' | undefined
  /** The zod schemas of `.input()` (merged in order when there are several). */
  inputs: unknown[]
}

/**
 * tRPC v11 keeps a flat map of every procedure (`_def.procedures`, keyed by dotted path) next to
 * the nested `record`; lazy routers (`_def.lazy`) would be missing from both until loaded, so
 * their presence fails loudly instead of being skipped.
 */
export function listProcedures(router = appRouter): ProcedureInfo[] {
  const def = router._def as unknown as {
    procedures: Record<
      string,
      { _def: { type: ProcedureInfo['type']; meta?: { access?: string }; inputs: unknown[] } }
    >
    record: Record<string, unknown>
    lazy?: Record<string, unknown>
  }
  if (def.lazy && Object.keys(def.lazy).length > 0)
    throw new Error(`lazy routers are not enumerable without loading: ${Object.keys(def.lazy).join(', ')}`)
  const flat = new Map<string, ProcedureInfo>()
  for (const [path, procedure] of Object.entries(def.procedures)) {
    flat.set(path, {
      path,
      type: procedure._def.type,
      access: procedure._def.meta?.access as ProcedureInfo['access'],
      inputs: procedure._def.inputs,
    })
  }
  // Cross-check against a walk of the nested record, so that neither view can hide a procedure.
  const walked: string[] = []
  const walk = (record: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(record)) {
      const path = prefix ? `${prefix}.${key}` : key
      const v = value as {
        _def?: { procedure?: boolean; router?: boolean; record?: Record<string, unknown> }
      }
      if (typeof value === 'function' && v._def?.procedure) walked.push(path)
      else if (v._def?.router && v._def.record) walk(v._def.record, path)
      else if (value && typeof value === 'object') walk(value as Record<string, unknown>, path)
    }
  }
  walk(def.record, '')
  for (const path of walked)
    if (!flat.has(path))
      throw new Error(`procedure ${path} is in the router record but not in _def.procedures`)
  if (walked.length !== flat.size)
    throw new Error(`the router record holds ${walked.length} procedures, _def.procedures ${flat.size}`)
  return [...flat.values()].sort((a, b) => a.path.localeCompare(b.path))
}

/**
 * Every row of every table, for comparing before and after a refused call. The tables come from
 * the database itself (Kysely's introspection, which skips only its own migration tables), so a
 * table added to `Database` later is covered without editing this list; `expectedTables` in the
 * matrix checks that the introspected set and `Database` agree.
 */
export async function snapshotAll(db: Db, options: { except?: readonly string[] } = {}) {
  const tables = (await tableNames(db)).filter((name) => !options.except?.includes(name))
  const entries = await Promise.all(
    tables.map(async (table) => {
      // biome-ignore lint/suspicious/noExplicitAny: the table name comes from introspection.
      const rows = await (db as any).selectFrom(table).selectAll().execute()
      return [table, (rows as unknown[]).map((r) => JSON.stringify(r)).sort()] as const
    }),
  )
  return Object.fromEntries(entries) as Record<string, string[]>
}

/** The tables of the database, asked once per database (the schema does not change under a test). */
const tablesOf = new WeakMap<Db, Promise<string[]>>()
export function tableNames(db: Db): Promise<string[]> {
  let names = tablesOf.get(db)
  if (!names) {
    // SQLite's FTS5 table and its shadow tables only mirror search_index, which is compared.
    names = db.introspection.getTables().then((tables) =>
      tables
        .map((t) => t.name)
        .filter((name) => !name.startsWith('search_fts'))
        .sort(),
    )
    tablesOf.set(db, names)
  }
  return names
}
