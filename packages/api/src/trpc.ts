import { DomainError } from '@appg-hub/core'
import { isDatabaseUnavailable } from '@appg-hub/db'
import { initTRPC, TRPCError } from '@trpc/server'
import * as z from 'zod'
import type { ApiContext } from './context'

/**
 * Every procedure declares who may call it (docs/architecture.md §3): `public` (anyone), `signed-in`, or
 * `site-admin`. Item-level rights are then checked by the domain services through the policy.
 */
export interface ProcedureMeta {
  access: 'public' | 'signed-in' | 'site-admin'
}

const t = initTRPC
  .context<ApiContext>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error }) {
      const cause = error.cause
      // Messages written for people; for invalid input, one message per field as well.
      const fieldErrors: Record<string, string> = {}
      if (cause instanceof z.ZodError) {
        for (const issue of cause.issues) fieldErrors[issue.path.join('.') || 'input'] ??= issue.message
      }
      const field = cause instanceof DomainError ? cause.field : Object.keys(fieldErrors)[0]
      const message =
        error.code === 'INTERNAL_SERVER_ERROR'
          ? // Internal details stay in the server log.
            'Something went wrong on our side. Please try again.'
          : cause instanceof z.ZodError
            ? Object.values(fieldErrors).join(' ')
            : shape.message
      return {
        ...shape,
        message,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, field: field ?? null, fieldErrors },
      }
    },
  })

export const router = t.router
export const createCallerFactory = t.createCallerFactory

export const DATABASE_UNAVAILABLE =
  'The hub cannot reach its database just now. Nothing was changed; please try again in a minute.'

/**
 * Turns domain errors into tRPC errors with the same code (and so the same HTTP status), and an
 * unreachable database into 503 with a plain message instead of a 500.
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next()
  if (result.ok) return result
  const cause = result.error.cause
  if (cause instanceof DomainError) throw new TRPCError({ code: cause.code, message: cause.message, cause })
  if (isDatabaseUnavailable(cause))
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE, cause })
  return result
})

const base = t.procedure.use(domainErrors)

/**
 * Every procedure receives the domain's service context ready-made as `ctx.core`. A public
 * procedure's acts for nobody (signing up, following an emailed link): it reads no session.
 */
export const publicProcedure = base
  .meta({ access: 'public' })
  .use(({ ctx, next }) => next({ ctx: { core: ctx.service(null) } }))

/**
 * Public, but what it answers depends on who asks (a public item's page shows more to its groups):
 * the session is read for these procedures only, so that the others cost no query for it.
 */
export const readerProcedure = base.meta({ access: 'public' }).use(async ({ ctx, next }) => {
  const actor = await ctx.getActor()
  return next({ ctx: { actor, core: ctx.service(actor) } })
})

export const authedProcedure = base.meta({ access: 'signed-in' }).use(async ({ ctx, next }) => {
  const actor = await ctx.getActor()
  if (!actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in first.' })
  return next({ ctx: { actor, core: ctx.service(actor) } })
})

export const adminProcedure = base.meta({ access: 'site-admin' }).use(async ({ ctx, next }) => {
  const actor = await ctx.getActor()
  if (!actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in first.' })
  if (!actor.isSiteAdmin)
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only a site administrator can do this.' })
  return next({ ctx: { actor, core: ctx.service(actor) } })
})
