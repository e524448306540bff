import { notFound } from '@appg-hub/core'
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '@appg-hub/db'
import * as z from 'zod'
import type { ApiContext } from '../context'
import { publicProcedure, router } from '../trpc'

/** These exist in demo mode only; elsewhere they answer NOT_FOUND as if they did not exist. */
function requireDemo(ctx: ApiContext) {
  if (!ctx.config.demoMode) throw notFound('That page')
}

export const devRouter = router({
  /** The development mailbox: what the outbox holds, newest first. */
  mailbox: publicProcedure
    .input(
      z.object({ to: z.string().max(254).optional(), limit: z.number().int().min(1).max(200).optional() }),
    )
    .query(async ({ ctx, input }) => {
      requireDemo(ctx)
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
