/**
 * Reading the audit log: a group's officers see their group's events, the site administrator
 * sees everything, filtered and as CSV. Newest first, with the actor's name ("Automatic" for the
 * hub's own work: the Register import, the demo's seeding).
 */
import type { Db } from '@appg-hub/db'
import type { Expression } from 'kysely'
import type { ServiceContext } from './context'
import { forbidden } from './errors'
import { type GroupForActor, groupForActor, requireActor } from './memberships/access'
import { groupIdOf, groupWithRows } from './memberships/group-rows'
import { decodeKeyCursor, keysetPage, MAX_PAGE_SIZE, type Page, splitPage } from './pagination'
import { can } from './policy'
import { csvText } from './text/csv'

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

/** The site administrator's filters (`auditFilters` in @appg-hub/schemas); every one optional. */
export interface AuditFilters {
  /** Part of the actor's name. */
  actor?: string
  /** The start of the action, such as "register." or "people.merge". */
  action?: string
  /** A group's slug. */
  group?: string
  /** First and last day, UTC, both included (YYYY-MM-DD). */
  from?: string
  to?: string
}

const likeText = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** The log's rows, newest first, narrowed by the filters; `appgId` keeps one group's. */
function auditQuery(db: Db, appgId: string | Expression<string> | null, filters: AuditFilters = {}) {
  const actor = filters.actor?.trim().toLowerCase()
  const action = filters.action?.trim()
  return (
    db
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
      .$if(!!actor, (q) =>
        q.where((eb) => eb(eb.fn('lower', ['person.display_name']), 'like', `%${likeText(actor!)}%`)),
      )
      .$if(!!action, (q) => q.where('audit_event.action', 'like', `${likeText(action!)}%`))
      .$if(!!filters.group, (q) => q.where('appg.slug', '=', filters.group!))
      .$if(!!filters.from, (q) => q.where('audit_event.at', '>=', `${filters.from}T00:00:00.000Z`))
      // The day after the last one, so that the whole of the last day is in.
      .$if(!!filters.to, (q) => q.where('audit_event.at', '<', nextDay(filters.to!)))
  )
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString()
}

type AuditRow = Awaited<ReturnType<ReturnType<typeof auditQuery>['execute']>>[number]

function entryOf(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    action: r.action,
    actor: r.actor_id ? { id: r.actor_id, name: r.display_name ?? 'Unknown' } : null,
    group: r.slug && r.title ? { slug: r.slug, title: r.title } : null,
    itemType: r.item_type,
    itemId: r.item_id,
    details: JSON.parse(r.details) as Record<string, unknown>,
  }
}

const AUDIT_ORDER = { key: 'audit_event.at', id: 'audit_event.id', direction: 'desc' } as const

async function page(
  db: Db,
  appgId: string | null,
  cursor: string | null | undefined,
  filters?: AuditFilters,
  limit = 50,
): Promise<Page<AuditEntry>> {
  const size = Math.min(Math.max(limit, 1), MAX_PAGE_SIZE)
  const query = auditQuery(db, appgId, filters)
  const rows = await keysetPage(query, AUDIT_ORDER, cursor, size).execute()
  const page = splitPage(rows, size, (r) => [r.at, r.id])
  return { items: page.rows.map(entryOf), nextCursor: page.nextCursor }
}

/**
 * One query after the session check: the group, the caller's role and the page together
 * (`groupWithRows`). The group is checked before the cursor, as when they were two queries: a bad
 * cursor for a group the caller may not read is still NOT_FOUND or FORBIDDEN.
 */
export async function groupAuditLog(
  ctx: ServiceContext,
  input: { slug: string; cursor?: string | null },
): Promise<Page<AuditEntry>> {
  const actor = requireActor(ctx.actor)
  const refuse = (group: GroupForActor) => {
    if (!can({ role: group.role, isSiteAdmin: group.isSiteAdmin, isPublic: false }, 'group.viewAudit')) {
      throw forbidden(`Only the chair and officers of ${group.title} can read its audit log.`)
    }
  }
  try {
    decodeKeyCursor(input.cursor)
  } catch (error) {
    refuse(await groupForActor(ctx.db, actor, input.slug))
    throw error
  }
  const size = 50
  const query = auditQuery(ctx.db, groupIdOf(input.slug))
  const rows = await groupWithRows(
    ctx.db,
    actor,
    input.slug,
    'group.viewAudit',
    keysetPage(query, AUDIT_ORDER, input.cursor, size),
    [
      ['at', 'desc'],
      ['id', 'desc'],
    ],
    (r) => r.id != null,
  )
  refuse(rows.group)
  const page = splitPage(rows.rows, size, (r) => [r.at, r.id])
  return { items: page.rows.map(entryOf), nextCursor: page.nextCursor }
}

function requireSiteAdmin(ctx: ServiceContext) {
  const me = requireActor(ctx.actor)
  if (!can({ role: null, isSiteAdmin: me.isSiteAdmin, isPublic: false }, 'site.administer'))
    throw forbidden('Only a site administrator can read the whole audit log.')
}

/** The whole log, filtered: for site administrators only. */
export function fullAuditLog(
  ctx: ServiceContext,
  input: { cursor?: string | null; filters?: AuditFilters | undefined },
) {
  requireSiteAdmin(ctx)
  return page(ctx.db, null, input.cursor, input.filters)
}

/** Most rows in one download; a wider log is narrowed with the filters first. */
export const AUDIT_CSV_MAX_ROWS = 10_000

/** The filtered log as CSV, newest first (site administrators only); cells safe in a spreadsheet. */
export async function auditLogCsv(
  ctx: ServiceContext,
  filters: AuditFilters,
): Promise<{ filename: string; csv: string; truncated: boolean }> {
  requireSiteAdmin(ctx)
  const rows = await auditQuery(ctx.db, null, filters)
    .orderBy('audit_event.at', 'desc')
    .orderBy('audit_event.id', 'desc')
    .limit(AUDIT_CSV_MAX_ROWS + 1)
    .execute()
  const entries = rows.slice(0, AUDIT_CSV_MAX_ROWS).map(entryOf)
  const lines: (string | null)[][] = [
    ['When (UTC)', 'Action', 'Actor', 'Group', 'Item type', 'Item id', 'Details'],
  ]
  for (const e of entries)
    lines.push([
      e.at,
      e.action,
      e.actor?.name ?? 'Automatic',
      e.group?.slug ?? null,
      e.itemType,
      e.itemId,
      JSON.stringify(e.details),
    ])
  const day = ctx.clock.now().toISOString().slice(0, 10)
  return {
    filename: `audit-log-${day}.csv`,
    csv: csvText(lines),
    truncated: rows.length > AUDIT_CSV_MAX_ROWS,
  }
}
