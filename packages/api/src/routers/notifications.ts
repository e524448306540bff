import {
  EMAIL_PREFERENCES,
  getPreferences,
  listNotifications,
  markRead,
  setPreferences,
  unreadCount,
} from '@appg-hub/core'
import * as z from 'zod'
import { authedProcedure, router } from '../trpc'
import { cursor } from './topics'

export const notificationsRouter = router({
  list: authedProcedure
    .input(z.object({ cursor }).optional())
    .query(({ ctx, input }) => listNotifications(ctx.service(ctx.actor), input ?? {})),

  /** Polled by the client: one indexed query after the session check. */
  unreadCount: authedProcedure.query(({ ctx }) => unreadCount(ctx.db, ctx.actor.id)),

  /** Marks the given notifications read, or all of them when `ids` is omitted. */
  markRead: authedProcedure
    .input(z.object({ ids: z.array(z.string().trim().min(1).max(36)).max(200).optional() }).optional())
    .mutation(({ ctx, input }) => markRead(ctx.service(ctx.actor), input ?? {})),

  preferences: authedProcedure.query(({ ctx }) => getPreferences(ctx.db, ctx.actor.id)),

  setPreferences: authedProcedure
    .input(z.object({ email: z.enum(EMAIL_PREFERENCES) }))
    .mutation(({ ctx, input }) => setPreferences(ctx.service(ctx.actor), input)),
})
