import { getPreferences, listNotifications, markRead, setPreferences, unreadCount } from '@appg-hub/core'
import { cursorInput, markReadInput, preferencesInput } from '@appg-hub/schemas'
import { authedProcedure, router } from '../trpc'

export const notificationsRouter = router({
  list: authedProcedure
    .input(cursorInput.optional())
    .query(({ ctx, input }) => listNotifications(ctx.service(ctx.actor), input ?? {})),

  /** Polled by the client: one indexed query after the session check. */
  unreadCount: authedProcedure.query(({ ctx }) => unreadCount(ctx.db, ctx.actor.id)),

  /** Marks the given notifications read, or all of them when `ids` is omitted. */
  markRead: authedProcedure
    .input(markReadInput)
    .mutation(({ ctx, input }) => markRead(ctx.service(ctx.actor), input ?? {})),

  preferences: authedProcedure.query(({ ctx }) => getPreferences(ctx.db, ctx.actor.id)),

  setPreferences: authedProcedure
    .input(preferencesInput)
    .mutation(({ ctx, input }) => setPreferences(ctx.service(ctx.actor), input)),
})
