/**
 * How many queries each procedure of the authorization matrix may make, the session check
 * included (docs/architecture.md §5: on the edge every query is an HTTP call). The matrix counts the
 * queries of every call it makes and holds each procedure to its entry, at the most of any caller.
 */

/** The most queries a read procedure may make, the session check included (docs/architecture.md §5). */
export const MAX_READ_QUERIES = 2

/**
 * The reads that still take more, at most this many, for some caller: `documents.revision` and
 * `documents.diff` charge the caller's expensive work (the address and the person in one upsert)
 * before their one read, and MySQL cannot answer a read from a write. Each entry must still be
 * needed: the test fails when a read takes fewer than its entry allows, so the list only shrinks.
 */
export const READS_OVER_BUDGET: Record<string, number> = {
  'documents.diff': 3,
  'documents.revision': 3,
}

/**
 * Every write's queries today, the most of any caller it answers (as the matrix calls it; a write's
 * transaction adds BEGIN and COMMIT on the edge, which are not counted here). The aim is five, and
 * most writes are far from it: each writes its rows, its search entry, its audit event, its
 * notifications and their emails in statements of their own, in one transaction. The entries are
 * exact, so that a write that takes one more query, or one fewer, changes this table with it.
 */
export const WRITE_QUERIES: Record<string, number> = {
  'auth.changeEmail': 11,
  'auth.changePassword': 10,
  'auth.endSignIn': 3,
  'auth.requestPasswordReset': 5,
  'auth.resetPassword': 6,
  'auth.signIn': 11,
  'auth.signOut': 2,
  'auth.signOutEverywhere': 4,
  'auth.signUp': 3,
  'comments.add': 9,
  'comments.delete': 6,
  'comments.edit': 8,
  'comments.hide': 6,
  'comments.unhide': 7,
  'documents.create': 10,
  'documents.link': 6,
  'documents.presence': 6,
  'documents.preview': 2,
  'documents.publish': 14,
  'documents.restore': 12,
  'documents.save': 11,
  'documents.unlink': 5,
  'documents.unpublish': 12,
  'files.remove': 5,
  'invitations.accept': 13,
  'invitations.decline': 9,
  'invitations.send': 11,
  'invitations.withdraw': 9,
  'memberships.acceptInvite': 6,
  'memberships.changeRole': 6,
  'memberships.invite': 6,
  'memberships.leave': 5,
  'memberships.remove': 7,
  'memberships.revokeInvite': 5,
  'notifications.markRead': 3,
  'notifications.setPreferences': 3,
  'people.endSignIns': 5,
  'people.linkAccount': 12,
  'people.merge': 13,
  'people.setPublicListing': 3,
  'people.setSiteAdmin': 5,
  'people.splitAlias': 6,
  'people.splitMerge': 7,
  'people.updateProfile': 4,
  'privacy.erase': 14,
  'privacy.export': 25,
  'publication.approve': 19,
  'publication.cancel': 11,
  'publication.decline': 11,
  'publication.request': 13,
  'publication.withdraw': 11,
  'sessions.agenda.add': 8,
  'sessions.agenda.move': 7,
  'sessions.agenda.remove': 8,
  'sessions.agenda.update': 8,
  'sessions.attachMinutes': 7,
  'sessions.calendarFeed': 3,
  'sessions.cancel': 8,
  'sessions.confirmInterest': 3,
  'sessions.create': 8,
  'sessions.markHeld': 10,
  'sessions.registerInterest': 6,
  'sessions.revokeCalendarFeed': 3,
  'sessions.rotateCalendarFeed': 3,
  'sessions.schedule': 6,
  'sessions.signUp': 8,
  'sessions.update': 14,
  'sessions.withdraw': 9,
  'topics.create': 8,
  'topics.follow': 4,
  'topics.leave': 11,
  'topics.markVisited': 4,
  'topics.removePartner': 11,
  'topics.unfollow': 4,
  'topics.update': 14,
}
