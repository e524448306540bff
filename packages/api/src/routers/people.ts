import {
  adminLinkAccount,
  getPublicListing,
  groupParticipants,
  groupsWithoutOfficerAccount,
  registerPeopleToInvite,
  setPublicListing,
} from '@appg-hub/core'
import { bySlug, linkAccountInput, publicListingInput, registerPeopleInput } from '@appg-hub/schemas'
import { adminProcedure, authedProcedure, router } from '../trpc'

export const peopleRouter = router({
  /** Who takes part in a group on the hub: for its members, its partner groups and the site administrator. */
  participants: authedProcedure
    .input(bySlug)
    .query(({ ctx, input }) => groupParticipants(ctx.service(ctx.actor), input.slug)),

  /** The group's Register people without an account, to address an invitation to: for its chair and officers. */
  registerPeople: authedProcedure
    .input(registerPeopleInput)
    .query(({ ctx, input }) => registerPeopleToInvite(ctx.service(ctx.actor), input)),

  /** Whether I am listed on public group pages as taking part on the hub. */
  publicListing: authedProcedure.query(({ ctx }) => getPublicListing(ctx.service(ctx.actor))),

  setPublicListing: authedProcedure
    .input(publicListingInput)
    .mutation(({ ctx, input }) => setPublicListing(ctx.service(ctx.actor), input.listPublicly)),

  /** A site administrator links an account to a person of the Register (audited). */
  linkAccount: adminProcedure
    .input(linkAccountInput)
    .mutation(({ ctx, input }) => adminLinkAccount(ctx.service(ctx.actor), input)),

  /** Registered groups with no chair or officer account: for the site administrator. */
  withoutOfficerAccount: adminProcedure.query(({ ctx }) =>
    groupsWithoutOfficerAccount(ctx.service(ctx.actor)),
  ),
})
