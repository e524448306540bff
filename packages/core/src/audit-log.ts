/**
 * Reading the audit log: a group's officers see their group's events, the site administrator
 * sees everything. Newest first, with the actor's name (or "the Register import").
 */
import type { Db } from '@appg-hub/db'
import type { ServiceContext } from './context'
import { forbidden } from './errors'
import { groupForActor, requireActor } from './memberships/access'
import { keysetPage, MAX_PAGE_SIZE, type Page, splitPage } from './pagination'
import { can } from './policy'

export interface AuditEntry {
  id: string
  at: string
  action: string
  actor: { id: string; name: string } | null
  group: { slug: string; title: string } | null
  itemType: string | null
  itemId: string | null
  details: Record<string, unknown>
}

async function page(
  db: Db,
  appgId: string | null,
  cursor: string | null | undefined,
  limit = 50,
): Promise<Page<AuditEntry>> {
  const size = Math.min(Math.max(limit, 1), MAX_PAGE_SIZE)
  const query = db
    .selectFrom('audit_event')
    .leftJoin('person', 'person.id', 'audit_event.actor_id')
    .leftJoin('appg', 'appg.id', 'audit_event.appg_id')
    .select([
      'audit_event.id',
      'audit_event.at',
      'audit_event.action',
      'audit_event.actor_id',
      'person.display_name',
      'appg.slug',
      'appg.title',
      'audit_event.item_type',
      'audit_event.item_id',
      'audit_event.details',
    ])
    .$if(appgId !== null, (q) => q.where('audit_event.appg_id', '=', appgId!))
  const order = { key: 'audit_event.at', id: 'audit_event.id', direction: 'desc' } as const
  const rows = await keysetPage(query, order, cursor, size).execute()
  const page = splitPage(rows, size, (r) => [r.at, r.id])
  const items = page.rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    actor: r.actor_id ? { id: r.actor_id, name: r.display_name ?? 'Unknown' } : null,
    group: r.slug && r.title ? { slug: r.slug, title: r.title } : null,
    itemType: r.item_type,
    itemId: r.item_id,
    details: JSON.parse(r.details) as Record<string, unknown>,
  }))
  return { items, nextCursor: page.nextCursor }
}

export async function groupAuditLog(ctx: ServiceContext, input: { slug: string; cursor?: string | null }) {
  const actor = requireActor(ctx.actor)
  const group = await groupForActor(ctx.db, actor, input.slug)
  if (!can({ role: group.role, isSiteAdmin: group.isSiteAdmin, isPublic: false }, 'group.viewAudit')) {
    throw forbidden(`Only the chair and officers of ${group.title} can read its audit log.`)
  }
  return page(ctx.db, group.id, input.cursor)
}

/** Site administrators only (checked by the procedure). */
export function fullAuditLog(ctx: ServiceContext, input: { cursor?: string | null }) {
  return page(ctx.db, null, input.cursor)
}
