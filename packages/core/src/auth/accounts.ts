import type { PersonKind } from '@appg-hub/db'
import { audit } from '../audit'
import type { Actor, ServiceContext } from '../context'
import { badRequest, DomainError } from '../errors'
import { queueEmail } from '../outbox'
import { newPersonRow } from '../people/person-row'
import { hashPassword, passwordProblem, verifyPassword } from './password'

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

export function toActor(person: {
  id: string
  email: string | null
  display_name: string
  kind: PersonKind
  is_site_admin: number
}): Actor {
  return {
    id: person.id,
    email: person.email,
    displayName: person.display_name,
    kind: person.kind,
    isSiteAdmin: person.is_site_admin === 1,
  }
}

export interface SignUpInput {
  email: string
  password: string
  displayName: string
  kind?: PersonKind
  organisation?: string | null
}

/**
 * Creates the account, or, when the address has one already, tells its owner by email instead and
 * answers null: the caller answers both the same, so that sign-up does not reveal which addresses
 * have accounts. Both hash the password, so both take as long.
 */
export async function signUp(ctx: ServiceContext, input: SignUpInput): Promise<Actor | null> {
  const email = normaliseEmail(input.email)
  const problem = await passwordProblem(input.password, [email, input.displayName])
  if (problem) throw badRequest(problem, 'password')
  const existing = await ctx.db
    .selectFrom('person')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst()
  const passwordHash = await hashPassword(input.password, ctx.config.passwordCost)
  if (existing) {
    await ctx.db.transaction().execute(async (tx) => {
      await audit(tx, ctx.clock, { actorId: existing.id, action: 'account.sign_up_repeated', details: {} })
      await queueEmail(tx, ctx.clock, {
        to: email,
        kind: 'account.sign_up_repeated',
        subject: 'Someone tried to create an APPG Hub account with your address',
        body: `Someone (perhaps you) tried to create an APPG Hub account with this email address, which has one already. Nothing was changed.\n\nTo sign in: ${ctx.config.publicUrl}/sign-in\nForgotten your password? Ask for a new one on that page.\n\nIf this was not you, you need do nothing.`,
      })
    })
    return null
  }
  const person = newPersonRow(
    {
      email,
      displayName: input.displayName.trim(),
      kind: input.kind ?? 'other',
      organisation: input.organisation?.trim() || null,
      passwordHash,
    },
    ctx.clock.now().toISOString(),
  )
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('person').values(person).execute()
    await audit(tx, ctx.clock, {
      actorId: person.id,
      action: 'account.created',
      details: { kind: person.kind },
    })
  })
  return toActor(person)
}

/** A hash of a throw-away password, so that an unknown email costs as much time as a wrong password. */
let decoyHash: Promise<string> | undefined

export async function signIn(
  ctx: ServiceContext,
  input: { email: string; password: string },
): Promise<Actor> {
  const email = normaliseEmail(input.email)
  const person = await ctx.db
    .selectFrom('person')
    .select(['id', 'email', 'display_name', 'kind', 'is_site_admin', 'password_hash', 'erased_at'])
    .where('email', '=', email)
    .executeTakeFirst()
  if (!person?.password_hash || person.erased_at) {
    decoyHash ??= hashPassword('decoy password', ctx.config.passwordCost)
    await verifyPassword(await decoyHash, input.password)
    throw new DomainError('UNAUTHORIZED', 'That email address and password do not match an account.')
  }
  if (!(await verifyPassword(person.password_hash, input.password))) {
    // The account's own log shows failed attempts (never the password tried).
    await audit(ctx.db, ctx.clock, { actorId: person.id, action: 'account.sign_in_failed', details: {} })
    throw new DomainError('UNAUTHORIZED', 'That email address and password do not match an account.')
  }
  await audit(ctx.db, ctx.clock, { actorId: person.id, action: 'account.signed_in', details: {} })
  return toActor(person)
}
