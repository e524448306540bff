/**
 * Between groups and within them: the handshake (invitations of groups to items), publication by
 * consent, memberships and the people of a group.
 */
import * as z from 'zod'
import { email, id, itemType, linkToken, slug, visibility, words } from './common'
import { MAX_GROUPS_PER_SEND, ROLES } from './limits'

export const sendInvitationsInput = z.object({
  itemType,
  itemId: id,
  toGroupSlugs: z.array(slug).min(1, 'Choose at least one group to invite.').max(MAX_GROUPS_PER_SEND),
  message: words.optional(),
})
export const answerInvitationInput = z.object({ id, reply: words.optional() })

export const publicationTargetInput = z.object({ itemType, itemId: id })
export const requestPublicationInput = z.object({
  itemType,
  itemId: id,
  visibility: visibility.optional(),
  message: words.optional(),
})
export const approvePublicationInput = z.object({ id, groupSlug: slug.nullish() })
export const declinePublicationInput = z.object({
  id,
  reason: words.trim().min(1, 'Say why your group declines, so that the others can answer it.'),
  groupSlug: slug.nullish(),
})
export const withdrawConsentInput = z.object({
  itemType,
  itemId: id,
  reason: words.optional(),
  groupSlug: slug.nullish(),
})

const role = z.enum(ROLES)
export const inviteMemberInput = z.object({
  slug,
  email,
  role,
  /** A person of the group's Register entry: accepting links the account to them. */
  registerPersonId: id.nullish(),
})
export const revokeMemberInviteInput = z.object({ slug, inviteId: id })
export const memberInviteTokenInput = z.object({ token: linkToken('That invitation link is not valid.') })
export const changeRoleInput = z.object({ slug, personId: id, role })
export const memberInput = z.object({ slug, personId: id })

export const registerPeopleInput = z.object({ slug, q: z.string().max(200).optional() })
export const publicListingInput = z.object({ listPublicly: z.boolean() })
export const linkAccountInput = z.object({ email, registerPersonId: id })
