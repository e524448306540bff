/** The tRPC client: one batched HTTP link to the same origin (mutations go as JSON POSTs). */
import type { AppRouter } from '@appg-hub/api'
import { createTRPCClient, httpBatchLink } from '@trpc/client'

export const api = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc', maxURLLength: 2000 })],
})

type Api = typeof api
export type Me = NonNullable<Awaited<ReturnType<Api['me']['get']['query']>>>
export type DemoAccounts = NonNullable<Awaited<ReturnType<Api['dev']['demoAccounts']['query']>>>
export type GroupSummary = Awaited<ReturnType<Api['register']['list']['query']>>['items'][number]
export type Tag = Awaited<ReturnType<Api['register']['tags']['query']>>[number]
export type Group = Awaited<ReturnType<Api['register']['group']['query']>>
export type GroupPerson = Group['people'][number]
export type Roster = Awaited<ReturnType<Api['memberships']['roster']['query']>>
export type RosterMember = Roster['members'][number]
export type InviteDescription = Awaited<ReturnType<Api['memberships']['describeInvite']['query']>>
export type MailboxEmail = Awaited<ReturnType<Api['dev']['mailbox']['query']>>[number]
export type Role = RosterMember['role']
