/** A group's invitations page: received and sent (still open), and the history of the rest. */
import { jsonAgg, parseJsonArray } from '@appg-hub/db'
import { type SqlBool, sql } from 'kysely'
import type { Actor, ServiceContext } from '../context'
import { forbidden, notFound } from '../errors'
import { itemKey, NO_ACCESS_TITLE, readableItems } from '../items/readable-set'
import { itemReadableBy } from '../links/readable'
import { asGroupForActor, type GroupForActor, requireActor } from '../memberships/access'
import { groupIdOf } from '../memberships/group-rows'
import { type Access, can, rolesAllowed } from '../policy'
import { expireInvitations } from './expire'
import { type InvitationRow, type InvitationView, invitationQuery, invitationView } from './query'

export const INVITATION_HISTORY_LIMIT = 100

export interface GroupInvitations {
  received: InvitationView[]
  sent: InvitationView[]
  /** Answered, withdrawn and expired invitations, both ways, newest first (the latest 100). */
  history: InvitationView[]
  /** Whether the caller may answer the received ones (and withdraw the sent ones). */
  canAnswer: boolean
}

/** Text order as the databases' binary collations give it (ISO times and ids: plain ASCII). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** The invitation columns each aggregated row carries (`invitationQuery`'s), and its readability. */
const COLUMNS = [
  'id',
  'item_type',
  'item_id',
  'from_appg_id',
  'to_appg_id',
  'message',
  'reply',
  'status',
  'created_at',
  'answered_at',
  'expires_at',
  'fromSlug',
  'fromTitle',
  'toSlug',
  'toTitle',
  'senderName',
  'answererName',
  'itemTitle',
  'readable',
] as const

type ListedRow = InvitationRow & { readable: number | string | boolean }

/**
 * For the group's chair, officers and secretariat (and site admins). One query after the session
 * check: the group with the caller's role, its open invitations and the latest closed ones, each
 * with whether the caller may read its item. Invitations that ran out since they were last written
 * down are expired first, as they always were: when the read finds one, the page is read again the
 * long way (expiry, then the lists), which happens once per invitation.
 */
export async function groupInvitations(
  ctx: ServiceContext,
  input: { slug: string },
): Promise<GroupInvitations> {
  const actor = requireActor(ctx.actor)
  const now = ctx.clock.now().toISOString()
  const { db } = ctx
  const groupId = groupIdOf(input.slug)
  const roles = rolesAllowed('group.viewRoster')
  // Read only for a caller who may see them.
  const allowed = actor.isSiteAdmin ? sql<SqlBool>`1 = 1` : sql<SqlBool>`mine.role in (${sql.join(roles)})`
  const listed = (status: 'open' | 'closed') => {
    const inner = invitationQuery(db)
      .select((eb) =>
        sql<number>`${
          actor.isSiteAdmin
            ? sql<number>`1`
            : eb
                .case()
                .when(
                  eb.or([
                    eb.and([
                      eb('i.item_type', '=', 'topic'),
                      itemReadableBy(eb as never, actor, 'topic', 'itemTopic'),
                    ]),
                    eb.and([
                      eb('i.item_type', '=', 'meeting'),
                      itemReadableBy(eb as never, actor, 'meeting', 'itemSession'),
                    ]),
                    eb.and([
                      eb('i.item_type', '=', 'document'),
                      itemReadableBy(eb as never, actor, 'document', 'itemDocument'),
                    ]),
                  ]),
                )
                .then(1)
                .else(0)
                .end()
        }`.as('readable'),
      )
      .where('i.status', status === 'open' ? '=' : '!=', 'pending')
      .where((eb) => eb.or([eb('i.from_appg_id', '=', groupId), eb('i.to_appg_id', '=', groupId)]))
      .$if(status === 'closed', (q) =>
        q.orderBy('i.created_at', 'desc').orderBy('i.id', 'desc').limit(INVITATION_HISTORY_LIMIT),
      )
    return db
      .selectFrom(inner.as('t'))
      .select(jsonAgg(db, Object.fromEntries(COLUMNS.map((c) => [c, `t.${c}`]))).as('rows'))
      .where(allowed)
  }
  const row = await db
    .selectFrom('appg')
    .leftJoin('membership as mine', (join) =>
      join.onRef('mine.appg_id', '=', 'appg.id').on('mine.person_id', '=', actor.id),
    )
    .select(['appg.id', 'appg.slug', 'appg.title', 'mine.role'])
    .select([listed('open').as('open'), listed('closed').as('closed')])
    .where('appg.slug', '=', input.slug)
    .executeTakeFirst()
  if (!row) throw notFound('That group')
  const group = asGroupForActor(row, actor)
  const access = { role: group.role, isSiteAdmin: group.isSiteAdmin, isPublic: false }
  if (!can(access, 'group.viewRoster')) {
    throw forbidden(`Only the chair, officers and secretariat of ${group.title} can see its invitations.`)
  }
  const newestFirst = (a: ListedRow, b: ListedRow) => byText(b.created_at, a.created_at) || byText(b.id, a.id)
  const open = parseJsonArray<ListedRow>(row.open).sort(newestFirst)
  if (open.some((r) => r.expires_at <= now)) return expiredThenListed(ctx, actor, group)
  const closed = parseJsonArray<ListedRow>(row.closed).sort(newestFirst)
  const readable = (r: ListedRow) => Number(r.readable) === 1
  return listedView(group, access, open, closed, readable, now)
}

/** The long way, when some invitations ran out: write their expiry down, then read the lists. */
async function expiredThenListed(
  ctx: ServiceContext,
  actor: Actor,
  group: GroupForActor,
): Promise<GroupInvitations> {
  const access = { role: group.role, isSiteAdmin: group.isSiteAdmin, isPublic: false }
  await expireInvitations(ctx.db, ctx, { appgId: group.id })
  const now = ctx.clock.now().toISOString()
  const [open, closed] = await Promise.all([
    invitationQuery(ctx.db)
      .where('i.status', '=', 'pending')
      .where((eb) => eb.or([eb('i.from_appg_id', '=', group.id), eb('i.to_appg_id', '=', group.id)]))
      .orderBy('i.created_at', 'desc')
      .orderBy('i.id', 'desc')
      .execute(),
    invitationQuery(ctx.db)
      .where('i.status', '!=', 'pending')
      .where((eb) => eb.or([eb('i.from_appg_id', '=', group.id), eb('i.to_appg_id', '=', group.id)]))
      .orderBy('i.created_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(INVITATION_HISTORY_LIMIT)
      .execute(),
  ])
  const readable = await readableItems(
    ctx.db,
    actor,
    [...open, ...closed].map((row) => ({ type: row.item_type, id: row.item_id })),
  )
  return listedView(group, access, open, closed, (r) => readable.has(itemKey(r.item_type, r.item_id)), now)
}

function listedView<R extends InvitationRow>(
  group: GroupForActor,
  access: Access,
  open: R[],
  closed: R[],
  readable: (row: R) => boolean,
  now: string,
): GroupInvitations {
  // An item's title shows while the invitation is open, or while the caller may read the item:
  // not once the invitation was declined, withdrawn or expired, or the group left it.
  const view = (row: R) => {
    const v = invitationView(row, now)
    return v.status === 'pending' || readable(row) ? v : { ...v, itemTitle: NO_ACCESS_TITLE }
  }
  const views = open.map(view)
  return {
    received: views.filter((v, i) => v.status === 'pending' && open[i]!.to_appg_id === group.id),
    sent: views.filter((v, i) => v.status === 'pending' && open[i]!.from_appg_id === group.id),
    // Open ones that ran out a moment ago join the history, which stays newest first.
    history: [...views.filter((v) => v.status !== 'pending'), ...closed.map(view)].sort(
      (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
    ),
    canAnswer: can(access, 'item.invite'),
  }
}
