/**
 * The two kinds of membership a group has: what the Register publishes (officers from an edition,
 * members from the published membership lists) and who takes part on the hub (accounts that joined
 * by invitation, were added by an administrator, or came with the demo). The public page shows the
 * first; the second is for signed-in people of the group and its partner groups, or public when
 * the person chose so.
 */
import type { Database } from '@appg-hub/db'
import type { ExpressionBuilder } from 'kysely'

/** Membership sources written by the Register import: the Register as published. */
export const REGISTER_SOURCES = ['register', 'members_list'] as const

export function isRegisterSource(source: string): boolean {
  return (REGISTER_SOURCES as readonly string[]).includes(source)
}

/**
 * A person who can act on the hub: an account with an address to sign in with (by password or a
 * reset link), not erased. People the import made from the Register have no address.
 */
export function canSignIn(eb: ExpressionBuilder<Database, 'person'>) {
  return eb.and([eb('person.email', 'is not', null), eb('person.erased_at', 'is', null)])
}
