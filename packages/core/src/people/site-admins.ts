/**
 * The site administrator's hold on accounts (issue #12 item 6): who else administers the site, and
 * ending a person's sign-ins (a lost laptop, a departed staff member). Both audited. The hub always
 * keeps one site administrator: the last one cannot give up their own rights, or nobody could
 * grant them again but the command line.
 */
import { audit } from '../audit'
import { invalidateAllSignIns } from '../auth/sign-in'
import type { Actor, ServiceContext } from '../context'
import { conflict, forbidden, notFound } from '../errors'
import { requireActor } from '../memberships/access'
import { can } from '../policy'

export interface AdminAccount {
  id: string
  name: string
  email: string
  isSiteAdmin: boolean
  /** Sign-in sessions not yet expired. */
  signIns: number
}

function requireSiteAdmin(actor: Actor | null): Actor {
  const me = requireActor(actor)
  if (!can({ role: null, isSiteAdmin: me.isSiteAdmin, isPublic: false }, 'site.administer'))
    throw forbidden('Only a site administrator can manage accounts.')
  return me
}

/** Accounts whose name or email holds `q` (two characters at least); with no `q`, the site administrators. */
export async function searchAccounts(ctx: ServiceContext, input: { q: string }): Promise<AdminAccount[]> {
  requireSiteAdmin(ctx.actor)
  const text = input.q.trim().toLowerCase()
  if (text.length === 1) return []
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const now = ctx.clock.now().toISOString()
  const rows = await ctx.db
    .selectFrom('person')
    .leftJoin('auth_session', (join) =>
      join.onRef('auth_session.person_id', '=', 'person.id').on('auth_session.expires_at', '>', now),
    )
    .select((eb) => [
      'person.id',
      'person.display_name',
      'person.email',
      'person.is_site_admin',
      eb.fn.count<number>('auth_session.id').as('signIns'),
    ])
    .where('person.email', 'is not', null)
    .where('person.password_hash', 'is not', null)
    .where('person.erased_at', 'is', null)
    .$if(text.length === 0, (q) => q.where('person.is_site_admin', '=', 1))
    .$if(text.length > 0, (q) =>
      q.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['person.display_name']), 'like', pattern),
          eb(eb.fn('lower', ['person.email']), 'like', pattern),
        ]),
      ),
    )
    .groupBy(['person.id', 'person.display_name', 'person.email', 'person.is_site_admin'])
    .orderBy('person.display_name')
    .orderBy('person.id')
    .limit(50)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.display_name,
    email: r.email!,
    isSiteAdmin: Number(r.is_site_admin) === 1,
    signIns: Number(r.signIns),
  }))
}

async function accountOf(ctx: ServiceContext, personId: string) {
  const person = await ctx.db
    .selectFrom('person')
    .select(['id', 'display_name', 'email', 'password_hash', 'is_site_admin'])
    .where('id', '=', personId)
    .where('erased_at', 'is', null)
    .executeTakeFirst()
  if (!person) throw notFound('That person')
  return person
}

/** Grants or revokes site administration (audited); the last site administrator keeps theirs. */
export async function setSiteAdmin(
  ctx: ServiceContext,
  input: { personId: string; siteAdmin: boolean },
): Promise<{ isSiteAdmin: boolean }> {
  const me = requireSiteAdmin(ctx.actor)
  return ctx.db.transaction().execute(async (tx) => {
    const person = await accountOf({ ...ctx, db: tx }, input.personId)
    if (!person.email || !person.password_hash)
      throw conflict(`${person.display_name} has no account yet: invite them first.`)
    const was = Number(person.is_site_admin) === 1
    if (was === input.siteAdmin) return { isSiteAdmin: was }
    if (!input.siteAdmin) {
      const admins = await tx
        .selectFrom('person')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('is_site_admin', '=', 1)
        .where('erased_at', 'is', null)
        .executeTakeFirstOrThrow()
      if (Number(admins.n) <= 1)
        throw conflict(
          person.id === me.id
            ? 'You are the only site administrator: make someone else one before giving up your own rights.'
            : `${person.display_name} is the only site administrator.`,
        )
    }
    await tx
      .updateTable('person')
      .set({ is_site_admin: input.siteAdmin ? 1 : 0, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', person.id)
      .execute()
    await audit(tx, ctx.clock, {
      actorId: me.id,
      action: input.siteAdmin ? 'people.site_admin_granted' : 'people.site_admin_revoked',
      itemType: 'person',
      itemId: person.id,
      details: { name: person.display_name },
    })
    return { isSiteAdmin: input.siteAdmin }
  })
}

/** Ends every sign-in session of a person (audited): they must sign in again everywhere. */
export async function endSignIns(
  ctx: ServiceContext,
  input: { personId: string },
): Promise<{ ended: number }> {
  const me = requireSiteAdmin(ctx.actor)
  return ctx.db.transaction().execute(async (tx) => {
    const person = await accountOf({ ...ctx, db: tx }, input.personId)
    const { n } = await tx
      .selectFrom('auth_session')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow()
    await invalidateAllSignIns({ db: tx }, person.id)
    await audit(tx, ctx.clock, {
      actorId: me.id,
      action: 'people.sign_ins_ended',
      itemType: 'person',
      itemId: person.id,
      details: { name: person.display_name, sessions: Number(n) },
    })
    return { ended: Number(n) }
  })
}
