/**
 * The domain core's public surface: what the API, the server, the Register import and the tests use,
 * named one by one, so that a helper inside the core stays inside it. Add a name here when something
 * outside the core needs it. The per-module paths (`@appg-hub/core/<module>`) stay open for tests.
 */
export { type AuditInput, audit, auditMany } from './audit'
export {
  AUDIT_CSV_MAX_ROWS,
  type AuditFilters,
  auditLogCsv,
  fullAuditLog,
  groupAuditLog,
} from './audit-log'
export { normaliseEmail, signIn, signUp, toActor } from './auth/accounts'
export { demoAccounts } from './auth/demo-accounts'
export { changeEmail, changePassword, endAllMySignIns, endMySignIn, listMySignIns } from './auth/manage'
export { hashPassword, passwordProblem } from './auth/password'
export { checkPasswordResetLink, requestPasswordReset, resetPassword } from './auth/reset'
export {
  createSignIn,
  invalidateAllSignIns,
  invalidateSignIn,
  SIGN_IN_COOKIE,
  validateSignInToken,
} from './auth/sign-in'
export { DEVICE_COOKIE, recordSignInFailure, recordSignInSuccess, signInWait } from './auth/throttle'
export { hashToken, newToken } from './auth/tokens'
export { type Clock, DAY, fakeClock, HOUR, MINUTE, systemClock } from './clock'
export { commentHistory } from './comments/history'
export { COMMENT_PAGE_SIZE, listComments } from './comments/list'
export { mentionCandidates } from './comments/mentions'
export { hideComment, unhideComment } from './comments/moderate'
export { addComment, deleteComment, editComment } from './comments/write'
export type { Actor, HubConfig, ServiceContext } from './context'
export { createDocument } from './documents/create'
export { DOCUMENT_KINDS, type DocumentKind } from './documents/fields'
export { linkDocument, unlinkDocument } from './documents/links'
export { listGroupDocuments, listTopicDocuments } from './documents/list'
export { touchPresence } from './documents/presence'
export { setPublished } from './documents/publish'
export {
  diffRevisions,
  documentHistory,
  getDocument,
  getRevision,
  previewDocument,
  renderDocumentBody,
} from './documents/read'
export { restoreRevision, saveDocument } from './documents/save'
export { diffText, mergeThreeWay } from './documents/text'
export { badRequest, DomainError, type ErrorCode, notFound } from './errors'
export * from './files/index'
export { acceptInvitation, declineInvitation, withdrawInvitation } from './handshake/answer'
export { expireInvitations } from './handshake/expire'
export { groupInvitations } from './handshake/list'
export { leaveItem, removePartner } from './handshake/partners'
export { sendInvitations } from './handshake/send'
export { itemLinks } from './links/list'
export { deliverOutbox, MAX_ATTEMPTS } from './mail/deliver'
export { readMailbox } from './mail/mailbox'
export { type MailTransport, noMailTransport } from './mail/transport'
export { type MyGroup, myGroups } from './memberships/access'
export { acceptGroupInvite, describeInvite, inviteToGroup, revokeGroupInvite } from './memberships/invites'
export { changeMemberRole, leaveGroup, removeMember } from './memberships/members'
export { getRoster } from './memberships/roster'
export { sendDigests } from './notifications/digest'
export { followItem, unfollowItem } from './notifications/follows'
export { INBOX_PAGE_SIZE, listNotifications, markRead, unreadCount } from './notifications/inbox'
export { getPreferences, setPreferences } from './notifications/preferences'
export { queueEmail } from './outbox'
export { encodeCursor, encodeKeyCursor } from './pagination'
export { adminLinkAccount, registerPeopleToInvite } from './people/claim'
export { mergePeople, splitAlias, splitMerge } from './people/merge'
export { type AdminPerson, searchPeopleToMerge } from './people/merge-search'
export { normaliseName } from './people/names'
export { getPublicListing, groupParticipants, setPublicListing } from './people/participants'
export { newPersonRow } from './people/person-row'
export { getProfile, updateProfile } from './people/profile'
export { type AdminAccount, endSignIns, searchAccounts, setSiteAdmin } from './people/site-admins'
export { groupsWithoutOfficerAccount } from './people/without-officers'
export {
  type Action,
  bestRole,
  can,
  canManageMember,
  type GroupRights,
  groupRights,
  roleAllows,
} from './policy'
export { ERASE_CONFIRMATION, eraseMyAccount } from './privacy/erase'
export { exportMyData } from './privacy/export'
export { approvePublication, cancelPublication, declinePublication } from './publication/answer'
export { publicationPanel, waitingPublications } from './publication/read'
export { requestPublication } from './publication/request'
export { withdrawConsent } from './publication/withdraw'
export { consumeRate, consumeRates, RATE_RULES, type RateRule } from './ratelimit'
export { getGroup, listGroups, listTags } from './register/groups'
export { groupHistory, type RegisterHistoryEntry, type RegisterHistoryKind } from './register/history'
export { checkRules, type RuleCheck, type RuleEntry, type RuleResult } from './register/rule-checks'
export {
  GOVERNMENT_PARTIES,
  MAIN_OPPOSITION_PARTIES,
  RULE_FIGURES,
  RULE_IDS,
  RULES,
  type RuleFact,
  type RuleId,
} from './register/rule-facts'
export {
  type FailingGroup,
  failingRuleChecks,
  type GroupRuleChecks,
  groupRuleChecks,
} from './register/rule-reads'
export * from './search/index'
export * from './sessions/index'
export { suggestPartners } from './suggestions/suggest'
export { markTopicVisited, topicActivity } from './topics/activity'
export { createTopic, updateTopic } from './topics/create'
export { listDashboardTopics, listGroupTopics, TOPIC_PAGE_SIZE } from './topics/list'
export { getTopic } from './topics/read'
