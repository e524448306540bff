/**
 * Publication by consent, the same for topics, sessions ("meeting") and documents: the owner's
 * officers ask, every participant group's officers consent or decline, any of them may later
 * withdraw consent. `topics.update`, `meetings.update` and `documents.publish` open the same
 * requests; these procedures answer them and show where they stand.
 */
import {
  approvePublication,
  cancelPublication,
  declinePublication,
  ITEM_TYPES,
  publicationPanel,
  requestPublication,
  waitingPublications,
  withdrawConsent,
} from '@appg-hub/core'
import * as z from 'zod'
import { authedProcedure, router } from '../trpc'
import { slug } from './register'
import { itemId } from './topics'

const words = z.string().max(2000, 'Keep it under 2,000 characters.')
const target = { itemType: z.enum(ITEM_TYPES), itemId }

export const publicationRouter = router({
  /** Where the item's publication stands, for its groups' people. */
  get: authedProcedure
    .input(z.object(target))
    .query(({ ctx, input }) => publicationPanel(ctx.service(ctx.actor), input)),

  /** The requests waiting for the consent of a group I answer for. */
  waiting: authedProcedure.query(({ ctx }) => waitingPublications(ctx.service(ctx.actor))),

  request: authedProcedure
    .input(
      z.object({
        ...target,
        visibility: z.enum(['participants', 'public']).optional(),
        message: words.optional(),
      }),
    )
    .mutation(({ ctx, input }) => requestPublication(ctx.service(ctx.actor), input)),

  approve: authedProcedure
    .input(z.object({ id: itemId, groupSlug: slug.nullish() }))
    .mutation(({ ctx, input }) => approvePublication(ctx.service(ctx.actor), input)),

  decline: authedProcedure
    .input(
      z.object({
        id: itemId,
        reason: words.trim().min(1, 'Say why your group declines, so that the others can answer it.'),
        groupSlug: slug.nullish(),
      }),
    )
    .mutation(({ ctx, input }) => declinePublication(ctx.service(ctx.actor), input)),

  /** The asking group withdraws a request still pending. */
  cancel: authedProcedure
    .input(z.object({ id: itemId }))
    .mutation(({ ctx, input }) => cancelPublication(ctx.service(ctx.actor), input)),

  /** A participant group withdraws its consent: the item leaves public view at once. */
  withdraw: authedProcedure
    .input(z.object({ ...target, reason: words.optional(), groupSlug: slug.nullish() }))
    .mutation(({ ctx, input }) => withdrawConsent(ctx.service(ctx.actor), input)),
})
