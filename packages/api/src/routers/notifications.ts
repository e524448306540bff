import { getPreferences, listNotifications, markRead, setPreferences, unreadCount } from '@appg-hub/core'
import { cursorInput, markReadInput, preferencesInput } from '@appg-hub/schemas'
import { authedProcedure, router } from '../trpc'

export const notificationsRouter = router({
  list: authedProcedure
    .input(cursorInput.optional())
    .query(({ ctx, input }) => listNotifications(ctx.core, input ?? {})),

  /** Polled by the client: one indexed query after the session check. */
  unreadCount: authedProcedure.query(({ ctx }) => unreadCount(ctx.core)),

  /** Marks the given notifications read, or all of them when `ids` is omitted. */
  markRead: authedProcedure
    .input(markReadInput)
    .mutation(({ ctx, input }) => markRead(ctx.core, input ?? {})),

  preferences: authedProcedure.query(({ ctx }) => getPreferences(ctx.core)),

  setPreferences: authedProcedure
    .input(preferencesInput)
    .mutation(({ ctx, input }) => setPreferences(ctx.core, input)),
})
