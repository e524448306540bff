/** What a notification reports; the client may pick an icon by it. */
export type NotificationKind =
  | 'invitation.received'
  | 'invitation.sent'
  | 'invitation.accepted'
  | 'invitation.declined'
  | 'invitation.withdrawn'
  | 'invitation.expired'
  | 'partner.left'
  | 'partner.removed'
  | 'comment.mention'
  | 'comment.reply'
  | 'comment.new'
  | 'meeting.changed'
  | 'meeting.cancelled'
  | 'meeting.held'
  | 'signup.promoted'
  | 'publication.requested'
  | 'publication.consented'
  | 'publication.approved'
  | 'publication.declined'
  | 'publication.withdrawn'

/** The client route of a group's invitations page. */
export function invitationsPath(slug: string): string {
  return `/groups/${slug}/invitations`
}

/** The client route of one comment on an item's page. */
export function commentPath(itemPath: string, commentId: string): string {
  return `${itemPath}#comment-${commentId}`
}

/** The words a person reads in the inbox and in emails: the headline, then the excerpt if any. */
export function notificationText(text: string, excerpt: string | null): string {
  return excerpt ? `${text}: “${excerpt}”` : text
}
