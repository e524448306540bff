import { fullAuditLog, groupAuditLog } from '@appg-hub/core'
import { auditLogInput, groupPageInput } from '@appg-hub/schemas'
import { adminProcedure, authedProcedure, router } from '../trpc'

export const auditRouter = router({
  forGroup: authedProcedure.input(groupPageInput).query(({ ctx, input }) => groupAuditLog(ctx.core, input)),
  /** The whole log, filtered (actor, action, group, days): for the site administrator. */
  all: adminProcedure.input(auditLogInput).query(({ ctx, input }) => fullAuditLog(ctx.core, input)),
})
