/** A group's invitations page: received and sent (still open), and the history of the rest. */
import type { ServiceContext } from '../context'
import { forbidden } from '../errors'
import { itemKey, NO_ACCESS_TITLE, readableItems } from '../items/readable-set'
import { groupForActor, requireActor } from '../memberships/access'
import { can } from '../policy'
import { expireInvitations } from './expire'
import { type InvitationView, invitationQuery, invitationView } from './query'

export const INVITATION_HISTORY_LIMIT = 100

export interface GroupInvitations {
  received: InvitationView[]
  sent: InvitationView[]
  /** Answered, withdrawn and expired invitations, both ways, newest first (the latest 100). */
  history: InvitationView[]
  /** Whether the caller may answer the received ones (and withdraw the sent ones). */
  canAnswer: boolean
}

/** For the group's chair, officers and secretariat (and site admins). */
export async function groupInvitations(
  ctx: ServiceContext,
  input: { slug: string },
): Promise<GroupInvitations> {
  const actor = requireActor(ctx.actor)
  const group = await groupForActor(ctx.db, actor, input.slug)
  const access = { role: group.role, isSiteAdmin: group.isSiteAdmin, isPublic: false }
  if (!can(access, 'group.viewRoster')) {
    throw forbidden(`Only the chair, officers and secretariat of ${group.title} can see its invitations.`)
  }
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
  // An item's title shows while the invitation is open, or while the caller may read the item:
  // not once the invitation was declined, withdrawn or expired, or the group left it.
  const readable = await readableItems(
    ctx.db,
    actor,
    [...open, ...closed].map((row) => ({ type: row.item_type, id: row.item_id })),
  )
  const view = (row: (typeof open)[number]) => {
    const v = invitationView(row, now)
    return v.status === 'pending' || readable.has(itemKey(v.itemType, v.itemId))
      ? v
      : { ...v, itemTitle: NO_ACCESS_TITLE }
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
