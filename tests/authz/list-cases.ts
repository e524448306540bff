/**
 * Every query procedure, declared either a list (checked by support/authz-lists.ts against the
 * single read that is its oracle) or not, with the reason. As with the matrix's CASES, a query
 * procedure missing here fails the suite, and so does a list that `checkLists` never calls: a new
 * list cannot go unchecked.
 */
export type ListCase = { list: true; against: string } | { list: false; why: string }

export const LIST_CASES: Record<string, ListCase> = {
  'auth.checkResetLink': { list: false, why: 'whether one emailed link can be used' },
  'register.list': { list: true, against: 'register.group' },
  'people.participants': { list: true, against: "the group's account memberships" },
  'people.withoutOfficerAccount': { list: true, against: 'people.participants' },
  'topics.listForGroup': { list: true, against: 'topics.get' },
  'topics.dashboard': { list: true, against: 'topics.get' },
  'comments.list': { list: true, against: 'topics.get and comments.history' },
  'invitations.forGroup': { list: true, against: "the group's invitations" },
  'notifications.list': { list: true, against: 'comments.list' },
  'sessions.listForGroup': { list: true, against: 'sessions.get' },
  'sessions.mine': { list: true, against: 'sessions.get' },
  'documents.listForGroup': { list: true, against: 'documents.get' },
  'documents.listForTopic': { list: true, against: 'documents.get' },
  'publication.waiting': { list: true, against: 'publication.get' },
  'search.query': { list: true, against: 'the single read of each kind it finds' },
  'files.list': { list: true, against: 'files.get and the item’s single read' },
  'files.forComments': { list: true, against: 'files.get and comments.list' },

  'audit.all': { list: false, why: 'site administrators only; lists log rows, not items with a single read' },
  'audit.forGroup': { list: false, why: "a group's log rows for its officers; no item has a single read" },
  'auth.signIns': { list: false, why: "the caller's own sign-ins" },
  'comments.history': { list: false, why: 'one comment’s edits: a single read' },
  'comments.mentionCandidates': {
    list: false,
    why: 'people of the item’s groups, gated by the item’s read (matrix)',
  },
  'dev.demoAccounts': { list: false, why: 'demo mode only; public demo accounts' },
  'dev.mailbox': { list: false, why: 'demo mode only; the demo outbox' },
  'documents.diff': { list: false, why: 'a single read of two revisions' },
  'documents.get': { list: false, why: 'a single read' },
  'documents.history': { list: false, why: 'one document’s revisions, gated by documents.get (matrix)' },
  'documents.revision': { list: false, why: 'a single read' },
  'files.get': { list: false, why: 'a single read' },
  'files.usage': { list: false, why: 'a total for the caller’s group, no items' },
  'me.get': { list: false, why: 'the caller' },
  'sessions.get': { list: false, why: 'a single read' },
  'sessions.signups': { list: false, why: 'one session’s sign-ups for its hosts (matrix)' },
  'memberships.describeInvite': { list: false, why: 'a single read by token' },
  'memberships.roster': { list: false, why: 'one group’s roster for its people (matrix)' },
  'notifications.preferences': { list: false, why: 'the caller’s settings' },
  'notifications.unreadCount': { list: false, why: 'a count of notifications.list' },
  'people.search': {
    list: false,
    why: 'site administrators only: people of the public Register and their other names, to merge or split',
  },
  'people.accounts': {
    list: false,
    why: 'site administrators only: accounts with their rights and sign-ins, to grant, revoke or sign out',
  },
  'people.profile': { list: false, why: 'the caller’s own name and organisation' },
  'people.publicListing': { list: false, why: 'the public Register’s people, the same for everyone' },
  'people.registerPeople': {
    list: false,
    why: 'the public Register’s people of a group, the same for everyone',
  },
  'publication.get': { list: false, why: 'a single read' },
  'register.group': { list: false, why: 'a single read' },
  'register.history': {
    list: false,
    why: 'one group’s changes between Register editions, for its people and the site administrator (matrix)',
  },
  'register.ruleChecks': {
    list: false,
    why: 'one group’s Register entry against the Guide, for its officers, secretariat and the site administrator (matrix)',
  },
  'register.failingRuleChecks': {
    list: false,
    why: 'site administrators only; every registered group, whose Register entries are public',
  },
  'register.tags': { list: false, why: 'the public Register’s tags, the same for everyone' },
  'topics.activity': { list: false, why: 'one topic’s activity, gated by topics.get (matrix)' },
  'topics.get': { list: false, why: 'a single read' },
  'topics.suggestPartners': { list: false, why: 'groups of the public Register, the same for everyone' },
}
