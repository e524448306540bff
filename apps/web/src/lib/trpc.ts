/** The tRPC client: one batched HTTP link to the same origin (mutations go as JSON POSTs). */
import type { AppRouter } from '@appg-hub/api'
import { createTRPCClient, httpBatchLink } from '@trpc/client'

export const api = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc', maxURLLength: 2000, maxItems: 10 })],
})

type Api = typeof api
export type Me = NonNullable<Awaited<ReturnType<Api['me']['get']['query']>>>
export type GroupRights = Me['canElsewhere']
export type DemoAccounts = NonNullable<Awaited<ReturnType<Api['dev']['demoAccounts']['query']>>>
export type GroupSummary = Awaited<ReturnType<Api['register']['list']['query']>>['items'][number]
export type Tag = Awaited<ReturnType<Api['register']['tags']['query']>>[number]
export type Group = Awaited<ReturnType<Api['register']['group']['query']>>
export type GroupPerson = Group['people'][number]
export type GroupWithoutOfficerAccount = Out<Api['people']['withoutOfficerAccount']['query']>[number]
export type GroupRuleChecks = Out<Api['register']['ruleChecks']['query']>
export type RuleCheck = GroupRuleChecks['checks'][number]
export type FailingGroup = Out<Api['register']['failingRuleChecks']['query']>[number]
export type AdminPerson = Out<Api['people']['search']['query']>[number]
export type AdminAccount = Out<Api['people']['accounts']['query']>[number]
export type AuditEntry = Out<Api['audit']['all']['query']>['items'][number]
export type RegisterHistoryEntry = Out<Api['register']['history']['query']>[number]
export type Roster = Awaited<ReturnType<Api['memberships']['roster']['query']>>
export type RosterMember = Roster['members'][number]
export type InviteDescription = Awaited<ReturnType<Api['memberships']['describeInvite']['query']>>
export type MailboxEmail = Awaited<ReturnType<Api['dev']['mailbox']['query']>>[number]
export type Role = RosterMember['role']

// Joint work: topics, the invitation handshake between groups, comments and notifications.
type Out<T extends (...args: never[]) => unknown> = Awaited<ReturnType<T>>
export type Topic = Out<Api['topics']['get']['query']>
export type TopicPartner = Topic['partners'][number]
export type TopicPendingInvitation = Topic['pendingInvitations'][number]
export type TopicLink = Topic['links'][number]
export type TopicSummary = Out<Api['topics']['dashboard']['query']>['items'][number]
export type TopicStatus = Topic['status']
export type Visibility = Topic['visibility']
export type PartnerSuggestion = Out<Api['topics']['suggestPartners']['query']>[number]
export type GroupInvitations = Out<Api['invitations']['forGroup']['query']>
export type ItemInvitation = GroupInvitations['received'][number]
export type Comment = Out<Api['comments']['list']['query']>['items'][number]
export type CommentVersion = Out<Api['comments']['history']['query']>[number]
export type MentionCandidate = Out<Api['comments']['mentionCandidates']['query']>[number]
export type Notification = Out<Api['notifications']['list']['query']>['items'][number]
export type EmailPreference = Out<Api['notifications']['preferences']['query']>['email']
