import { fullAuditLog, groupAuditLog } from '@appg-hub/core'
import { cursorInput, groupPageInput } from '@appg-hub/schemas'
import { adminProcedure, authedProcedure, router } from '../trpc'

export const auditRouter = router({
  forGroup: authedProcedure
    .input(groupPageInput)
    .query(({ ctx, input }) => groupAuditLog(ctx.service(ctx.actor), input)),
  all: adminProcedure
    .input(cursorInput)
    .query(({ ctx, input }) => fullAuditLog(ctx.service(ctx.actor), input)),
})
