import { fullAuditLog, groupAuditLog } from '@appg-hub/core'
import * as z from 'zod'
import { adminProcedure, authedProcedure, router } from '../trpc'
import { slug } from './register'

const cursor = z.string().max(500).nullish()

export const auditRouter = router({
  forGroup: authedProcedure
    .input(z.object({ slug, cursor }))
    .query(({ ctx, input }) => groupAuditLog(ctx.service(ctx.actor), input)),
  all: adminProcedure
    .input(z.object({ cursor }))
    .query(({ ctx, input }) => fullAuditLog(ctx.service(ctx.actor), input)),
})
