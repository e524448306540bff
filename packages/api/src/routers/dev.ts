import { notFound } from '@appg-hub/core'
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '@appg-hub/db'
import { mailboxInput } from '@appg-hub/schemas'
import { TRPCError } from '@trpc/server'
import type { ApiContext } from '../context'
import { publicProcedure, router } from '../trpc'

/**
 * These are mounted in demo mode only (see `routerFor`); the check here is a second lock. On a hub
 * reached at a loopback address from the same machine (a newcomer trying it out) anyone may read the
 * mailbox, which is how invitation links are followed there; otherwise only the site administrator
 * may, since the mailbox holds other people's password-reset and invitation links.
 */
async function requireMailboxReader(ctx: ApiContext) {
  if (!ctx.config.demoMode) throw notFound('That page')
  // The caller must be on this machine too (HOST=0.0.0.0 with the default localhost PUBLIC_URL would
  // otherwise open it to the network); no address means an in-process caller.
  if (
    isLoopbackUrl(ctx.config.publicUrl) &&
    (ctx.clientAddress === null || isLoopbackAddress(ctx.clientAddress))
  )
    return
  const actor = await ctx.getActor()
  if (!actor)
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'Sign in as the site administrator to read the mailbox.',
    })
  if (!actor.isSiteAdmin)
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Only the site administrator can read the mailbox here.',
    })
}

/** Whether a peer's IP address is this machine's: 127.0.0.0/8, ::1, or IPv4 loopback mapped into IPv6. */
export function isLoopbackAddress(address: string): boolean {
  const ip = address.toLowerCase().replace(/^::ffff:/, '')
  return ip === '::1' || /^127(\.\d{1,3}){3}$/.test(ip)
}

/** Whether a URL names this machine: localhost, 127.0.0.0/8 or ::1. */
export function isLoopbackUrl(url: string): boolean {
  let host: string
  try {
    host = new URL(url).hostname.toLowerCase()
  } catch {
    return false
  }
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === '[::1]'
  )
}

export const devRouter = router({
  /** The development mailbox: what the outbox holds, newest first. */
  mailbox: publicProcedure.input(mailboxInput).query(async ({ ctx, input }) => {
    await requireMailboxReader(ctx)
    let query = ctx.db
      .selectFrom('email_outbox')
      .select([
        'id',
        'to_email as to',
        'subject',
        'body_text as body',
        'kind',
        'created_at as createdAt',
        'sent_at as sentAt',
      ])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(input.limit ?? 50)
    if (input.to) query = query.where('to_email', '=', input.to.trim().toLowerCase())
    return query.execute()
  }),

  /** The demo accounts and their shared password, for the sign-in page. */
  demoAccounts: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.config.demoMode) return null
    const rows = await ctx.db
      .selectFrom('person')
      .leftJoin('membership', 'membership.person_id', 'person.id')
      .leftJoin('appg', 'appg.id', 'membership.appg_id')
      .select([
        'person.email',
        'person.display_name as name',
        'person.is_site_admin',
        'membership.role',
        'appg.title as groupTitle',
        'appg.slug as groupSlug',
      ])
      .where('person.email', 'like', `%@${DEMO_EMAIL_DOMAIN}`)
      .orderBy('person.email')
      .execute()
    type Account = {
      email: string
      name: string
      isSiteAdmin: boolean
      roles: string[]
      groups: { role: string; slug: string; title: string }[]
    }
    const accounts = new Map<string, Account>()
    for (const row of rows) {
      const account = accounts.get(row.email!) ?? {
        email: row.email!,
        name: row.name,
        isSiteAdmin: row.is_site_admin === 1,
        roles: [],
        groups: [],
      }
      if (row.is_site_admin && !account.roles.includes('Site administrator'))
        account.roles.push('Site administrator')
      if (row.role && row.groupTitle && row.groupSlug) {
        account.roles.push(`${row.role} of ${row.groupTitle}`)
        account.groups.push({ role: row.role, slug: row.groupSlug, title: row.groupTitle })
      }
      accounts.set(row.email!, account)
    }
    return { password: DEMO_PASSWORD, accounts: [...accounts.values()] }
  }),
})
