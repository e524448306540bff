/**
 * Publication by consent, the same for topics, sessions ("meeting") and documents: the owner's
 * officers ask, every participant group's officers consent or decline, any of them may later
 * withdraw consent. `topics.update`, `sessions.update` and `documents.publish` open the same
 * requests; these procedures answer them and show where they stand.
 */
import {
  approvePublication,
  cancelPublication,
  declinePublication,
  publicationPanel,
  requestPublication,
  waitingPublications,
  withdrawConsent,
} from '@appg-hub/core'
import {
  approvePublicationInput,
  byId,
  declinePublicationInput,
  publicationTargetInput,
  requestPublicationInput,
  withdrawConsentInput,
} from '@appg-hub/schemas'
import { authedProcedure, router } from '../trpc'

export const publicationRouter = router({
  /** Where the item's publication stands, for its groups' people. */
  get: authedProcedure
    .input(publicationTargetInput)
    .query(({ ctx, input }) => publicationPanel(ctx.core, input)),

  /** The requests waiting for the consent of a group I answer for. */
  waiting: authedProcedure.query(({ ctx }) => waitingPublications(ctx.core)),

  request: authedProcedure
    .input(requestPublicationInput)
    .mutation(({ ctx, input }) => requestPublication(ctx.core, input)),

  approve: authedProcedure
    .input(approvePublicationInput)
    .mutation(({ ctx, input }) => approvePublication(ctx.core, input)),

  decline: authedProcedure
    .input(declinePublicationInput)
    .mutation(({ ctx, input }) => declinePublication(ctx.core, input)),

  /** The asking group withdraws a request still pending. */
  cancel: authedProcedure.input(byId).mutation(({ ctx, input }) => cancelPublication(ctx.core, input)),

  /** A participant group withdraws its consent: the item leaves public view at once. */
  withdraw: authedProcedure
    .input(withdrawConsentInput)
    .mutation(({ ctx, input }) => withdrawConsent(ctx.core, input)),
})
