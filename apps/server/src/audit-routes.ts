/**
 * The site administrator's download of the audit log as CSV, filtered as the console's page is
 * (the same query parameters as `auditFilters`); a bad filter is a 400 with the rule's message.
 */
import type { ApiDeps } from '@appg-hub/api'
import { auditLogCsv } from '@appg-hub/core'
import { auditFilters } from '@appg-hub/schemas'
import type { Hono } from 'hono'
import { csvDownload } from './csv-download'

/** The download's address for the filters (the client links to it; the route below reads it). */
export const AUDIT_CSV_PATH = '/admin/audit-log.csv'

export function registerAuditRoutes(app: Hono, deps: ApiDeps): void {
  app.get(AUDIT_CSV_PATH, async (c) => {
    const parsed = auditFilters.safeParse(c.req.query())
    if (!parsed.success) return c.text(parsed.error.issues[0]?.message ?? 'Those filters are not valid.', 400)
    return csvDownload(c, deps, (ctx) => auditLogCsv(ctx, parsed.data))
  })
}
