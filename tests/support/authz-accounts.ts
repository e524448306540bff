/**
 * Factories for the authorization world's people-side rows: group invitations by email, extra
 * members, notifications, passwords, reset links and accounts to sign in as.
 */
import { hashPassword, hashToken, newToken } from '@appg-hub/core'
import { newId, type Role } from '@appg-hub/db'
import type { ItemFactoryWorld } from './authz-items'
import { freshEmail, type GroupName, WORLD_PASSWORD } from './authz-people'
import { addMember, makePerson, testConfig } from './fixtures'

/** `next` numbers the people made, shared with the item factories so that names stay unique. */
export function accountFactories({ db, api, groups, ownerOfficer }: ItemFactoryWorld, next: () => number) {
  const now = () => api.clock.now().toISOString()
  const make = {
    /** An open invitation by email to join `group` as `role`; returns its id and its secret token. */
    async groupInvite(group: GroupName, role: Role, email = freshEmail('invitee')) {
      const token = newToken()
      const id = newId()
      const at = api.clock.now()
      await db
        .insertInto('group_invite')
        .values({
          id,
          appg_id: groups[group].id,
          email,
          role,
          token_hash: await hashToken(token),
          invited_by: ownerOfficer[group],
          created_at: at.toISOString(),
          expires_at: new Date(at.getTime() + testConfig.groupInviteTtlMs).toISOString(),
          accepted_at: null,
          accepted_by: null,
          revoked_at: null,
        })
        .execute()
      return { id, token, email }
    },

    /** A new person holding `role` in `group`. */
    async member(group: GroupName, role: Role) {
      const n = next()
      const p = await makePerson(db, `Extra ${role} ${n}`, { email: freshEmail(`extra-${role}`) })
      await addMember(db, p.id, groups[group].id, role)
      return p.id
    },

    async notification(personId: string, text = 'Something happened.') {
      const id = newId()
      await db
        .insertInto('notification')
        .values({
          id,
          person_id: personId,
          kind: 'comment.added',
          item_type: null,
          item_id: null,
          appg_id: null,
          actor_id: null,
          text,
          created_at: now(),
          read_at: null,
          emailed_at: null,
          comment_id: null,
          link_path: null,
          excerpt: null,
        })
        .execute()
      return id
    },

    /** Gives the person the world's password (scrypt at the test cost). */
    async password(personId: string) {
      const hash = await hashPassword(WORLD_PASSWORD, testConfig.passwordCost)
      await db.updateTable('person').set({ password_hash: hash }).where('id', '=', personId).execute()
    },

    /** An open password-reset link for the person; returns its token (only a hash is stored). */
    async passwordReset(personId: string): Promise<string> {
      const token = newToken()
      const at = api.clock.now()
      await db
        .insertInto('password_reset')
        .values({
          id: newId(),
          person_id: personId,
          token_hash: await hashToken(token),
          created_at: at.toISOString(),
          expires_at: new Date(at.getTime() + 60 * 60 * 1000).toISOString(),
          used_at: null,
        })
        .execute()
      return token
    },

    /** A person with the world's password, to sign in as. */
    async account() {
      const n = next()
      const email = freshEmail('account')
      const p = await makePerson(db, `Account ${n}`, { email })
      await make.password(p.id)
      return { id: p.id, email }
    },
  }
  return make
}
