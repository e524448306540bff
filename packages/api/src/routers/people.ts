import {
  adminLinkAccount,
  getProfile,
  getPublicListing,
  groupParticipants,
  groupsWithoutOfficerAccount,
  mergePeople,
  registerPeopleToInvite,
  searchPeopleToMerge,
  setPublicListing,
  splitAlias,
  splitMerge,
  updateProfile,
} from '@appg-hub/core'
import * as z from 'zod'
import { adminProcedure, authedProcedure, router } from '../trpc'
import { slug } from './register'

const id = z.string().min(1).max(36)

export const peopleRouter = router({
  /** Who takes part in a group on the hub: for its members, its partner groups and the site administrator. */
  participants: authedProcedure
    .input(z.object({ slug }))
    .query(({ ctx, input }) => groupParticipants(ctx.service(ctx.actor), input.slug)),

  /** The group's Register people without an account, to address an invitation to: for its chair and officers. */
  registerPeople: authedProcedure
    .input(z.object({ slug, q: z.string().max(200).optional() }))
    .query(({ ctx, input }) => registerPeopleToInvite(ctx.service(ctx.actor), input)),

  /** Whether I am listed on public group pages as taking part on the hub. */
  publicListing: authedProcedure.query(({ ctx }) => getPublicListing(ctx.service(ctx.actor))),

  setPublicListing: authedProcedure
    .input(z.object({ listPublicly: z.boolean() }))
    .mutation(({ ctx, input }) => setPublicListing(ctx.service(ctx.actor), input.listPublicly)),

  /** My name and organisation, as shown beside what I do on the hub. */
  profile: authedProcedure.query(({ ctx }) => getProfile(ctx.service(ctx.actor))),

  updateProfile: authedProcedure
    .input(
      z.object({
        displayName: z
          .string()
          .trim()
          .min(1, 'Enter your name.')
          .max(200, 'Your name must be 200 characters or fewer.'),
        organisation: z
          .string()
          .trim()
          .max(200, 'The organisation must be 200 characters or fewer.')
          .nullable(),
      }),
    )
    .mutation(({ ctx, input }) => updateProfile(ctx.service(ctx.actor), input)),

  /** A site administrator links an account to a person of the Register (audited). */
  linkAccount: adminProcedure
    .input(z.object({ email: z.email().max(254), registerPersonId: z.string().min(1).max(36) }))
    .mutation(({ ctx, input }) => adminLinkAccount(ctx.service(ctx.actor), input)),

  /** People of the Register matching a name or alias, with their aliases and merges: for the site administrator. */
  search: adminProcedure
    .input(z.object({ q: z.string().max(200) }))
    .query(({ ctx, input }) => searchPeopleToMerge(ctx.service(ctx.actor), input)),

  /** A site administrator merges two people of the Register into one (audited; `splitMerge` undoes it). */
  merge: adminProcedure
    .input(z.object({ keepId: id, mergedId: id }))
    .mutation(({ ctx, input }) => mergePeople(ctx.service(ctx.actor), input)),

  /** Undoes a site administrator's merge (audited). */
  splitMerge: adminProcedure
    .input(z.object({ mergeId: id }))
    .mutation(({ ctx, input }) => splitMerge(ctx.service(ctx.actor), input)),

  /** Gives a name the import merged a person of its own, kept apart by later imports (audited). */
  splitAlias: adminProcedure
    .input(z.object({ aliasId: id, takeIds: z.boolean() }))
    .mutation(({ ctx, input }) => splitAlias(ctx.service(ctx.actor), input)),

  /** Registered groups with no chair or officer account: for the site administrator. */
  withoutOfficerAccount: adminProcedure.query(({ ctx }) =>
    groupsWithoutOfficerAccount(ctx.service(ctx.actor)),
  ),
})
