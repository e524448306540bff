import {
  adminLinkAccount,
  endSignIns,
  getProfile,
  getPublicListing,
  groupParticipants,
  groupsWithoutOfficerAccount,
  mergePeople,
  registerPeopleToInvite,
  searchAccounts,
  searchPeopleToMerge,
  setPublicListing,
  setSiteAdmin,
  splitAlias,
  splitMerge,
  updateProfile,
} from '@appg-hub/core'
import {
  bySlug,
  endSignInsInput,
  linkAccountInput,
  mergePeopleInput,
  publicListingInput,
  registerPeopleInput,
  searchAccountsInput,
  searchPeopleInput,
  siteAdminInput,
  splitAliasInput,
  splitMergeInput,
  updateProfileInput,
} from '@appg-hub/schemas'
import { adminProcedure, authedProcedure, router } from '../trpc'

export const peopleRouter = router({
  /** Who takes part in a group on the hub: for its members, its partner groups and the site administrator. */
  participants: authedProcedure
    .input(bySlug)
    .query(({ ctx, input }) => groupParticipants(ctx.core, input.slug)),

  /** The group's Register people without an account, to address an invitation to: for its chair and officers. */
  registerPeople: authedProcedure
    .input(registerPeopleInput)
    .query(({ ctx, input }) => registerPeopleToInvite(ctx.core, input)),

  /** Whether I am listed on public group pages as taking part on the hub. */
  publicListing: authedProcedure.query(({ ctx }) => getPublicListing(ctx.core)),

  setPublicListing: authedProcedure
    .input(publicListingInput)
    .mutation(({ ctx, input }) => setPublicListing(ctx.core, input.listPublicly)),

  /** My name and organisation, as shown beside what I do on the hub. */
  profile: authedProcedure.query(({ ctx }) => getProfile(ctx.core)),

  updateProfile: authedProcedure
    .input(updateProfileInput)
    .mutation(({ ctx, input }) => updateProfile(ctx.core, input)),

  /** A site administrator links an account to a person of the Register (audited). */
  linkAccount: adminProcedure
    .input(linkAccountInput)
    .mutation(({ ctx, input }) => adminLinkAccount(ctx.core, input)),

  /** People of the Register matching a name or alias, with their aliases and merges: for the site administrator. */
  search: adminProcedure
    .input(searchPeopleInput)
    .query(({ ctx, input }) => searchPeopleToMerge(ctx.core, input)),

  /** A site administrator merges two people of the Register into one (audited; `splitMerge` undoes it). */
  merge: adminProcedure.input(mergePeopleInput).mutation(({ ctx, input }) => mergePeople(ctx.core, input)),

  /** Undoes a site administrator's merge (audited). */
  splitMerge: adminProcedure.input(splitMergeInput).mutation(({ ctx, input }) => splitMerge(ctx.core, input)),

  /** Gives a name the import merged a person of its own, kept apart by later imports (audited). */
  splitAlias: adminProcedure.input(splitAliasInput).mutation(({ ctx, input }) => splitAlias(ctx.core, input)),

  /** Accounts by name or email, with their rights and sign-ins; with no query, the site administrators. */
  accounts: adminProcedure
    .input(searchAccountsInput)
    .query(({ ctx, input }) => searchAccounts(ctx.core, input)),

  /** Grants or revokes site administration (audited); the last site administrator keeps their own. */
  setSiteAdmin: adminProcedure
    .input(siteAdminInput)
    .mutation(({ ctx, input }) => setSiteAdmin(ctx.core, input)),

  /** Ends every sign-in session of a person (audited). */
  endSignIns: adminProcedure.input(endSignInsInput).mutation(({ ctx, input }) => endSignIns(ctx.core, input)),

  /** Registered groups with no chair or officer account: for the site administrator. */
  withoutOfficerAccount: adminProcedure.query(({ ctx }) => groupsWithoutOfficerAccount(ctx.core)),
})
