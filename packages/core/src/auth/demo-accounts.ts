/** The demo accounts and their shared password, for the sign-in page in demo mode. */
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '@appg-hub/db'
import type { ServiceContext } from '../context'

export interface DemoAccount {
  email: string
  name: string
  isSiteAdmin: boolean
  roles: string[]
  groups: { role: string; slug: string; title: string }[]
}

/** Null outside demo mode: the accounts are only shown where they are the demo's. */
export async function demoAccounts(
  ctx: Pick<ServiceContext, 'db' | 'config'>,
): Promise<{ password: string; accounts: DemoAccount[] } | null> {
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
  const accounts = new Map<string, DemoAccount>()
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
}
