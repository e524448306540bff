import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { requireActor } from '../memberships/access'
import { keysetPage, type Page, splitPage } from '../pagination'
import { notificationText } from './kinds'
import { visibleExcerpt, visibleHeadline, withCommentState } from './visible'

export const INBOX_PAGE_SIZE = 30

export interface InboxItem {
  id: string
  kind: string
  text: string
  path: string | null
  createdAt: string
  readAt: string | null
  actor: { name: string } | null
}

/** One query whatever the page holds: the notifications with their actor and comment state. */
export async function listNotifications(
  ctx: ServiceContext,
  input: { cursor?: string | null },
): Promise<Page<InboxItem>> {
  const actor = requireActor(ctx.actor)
  const query = withCommentState(
    ctx.db
      .selectFrom('notification as n')
      .leftJoin('person as na', 'na.id', 'n.actor_id')
      .select([
        'n.id',
        'n.kind',
        'n.text',
        'n.excerpt',
        'n.comment_id',
        'n.item_id',
        'n.link_path',
        'n.created_at',
        'n.read_at',
        'na.display_name as actorName',
      ])
      .where('n.person_id', '=', actor.id),
  )
  const order = { key: 'n.created_at', id: 'n.id', direction: 'desc' } as const
  const rows = await keysetPage(query, order, input.cursor, INBOX_PAGE_SIZE).execute()
  const page = splitPage(rows, INBOX_PAGE_SIZE, (r) => [r.created_at, r.id])
  return {
    items: page.rows.map((row) => {
      const headline = visibleHeadline(row, actor.isSiteAdmin)
      return {
        id: row.id,
        kind: row.kind,
        text: notificationText(headline.text, visibleExcerpt(row, actor.isSiteAdmin)),
        path: headline.path,
        createdAt: row.created_at,
        readAt: row.read_at,
        actor: row.actorName ? { name: row.actorName } : null,
      }
    }),
    nextCursor: page.nextCursor,
  }
}

/** One indexed query (`notification_unread`): the client polls this. */
export async function unreadCount(ctx: ServiceContext): Promise<{ count: number }> {
  const actor = requireActor(ctx.actor)
  const row = await ctx.db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', actor.id)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return { count: Number(row.n) }
}

/** Marks the given notifications of mine read, or all of them when `ids` is omitted. */
export async function markRead(ctx: ServiceContext, input: { ids?: string[] }): Promise<{ marked: number }> {
  const actor = requireActor(ctx.actor)
  if (input.ids && input.ids.length === 0) return { marked: 0 }
  return ctx.db.transaction().execute(async (tx) => {
    let update = tx
      .updateTable('notification')
      .set({ read_at: ctx.clock.now().toISOString() })
      .where('person_id', '=', actor.id)
      .where('read_at', 'is', null)
    if (input.ids) update = update.where('id', 'in', input.ids)
    const result = await update.executeTakeFirst()
    const marked = Number(result.numUpdatedRows)
    if (marked > 0) {
      await audit(tx, ctx.clock, {
        actorId: actor.id,
        action: 'notification.read',
        details: { count: marked, all: !input.ids },
      })
    }
    return { marked }
  })
}
