/** auth.*: sign-up, sign-in and a person's own sign-ins and credentials. */
import { createSignIn, hashToken } from '@appg-hub/core'
import { always, type RouterCases } from '../../support/authz-model'
import { freshEmail, SELF, WORLD_PASSWORD } from '../../support/authz-world'

export const authCases: RouterCases = {
  'auth.signUp': {
    access: 'public',
    variants: [
      {
        relations: SELF,
        input: () => ({
          email: freshEmail('signup'),
          password: 'a long enough passphrase',
          displayName: 'New Person',
        }),
        expect: always,
      },
    ],
  },
  'auth.signIn': {
    access: 'public',
    variants: [
      {
        relations: SELF,
        input: async ({ w }) => ({ email: (await w.make.account()).email, password: WORLD_PASSWORD }),
        expect: always,
      },
    ],
  },
  'auth.signOut': {
    access: 'public',
    variants: [{ relations: SELF, input: () => undefined, expect: always }],
  },
  'auth.signOutEverywhere': {
    access: 'signed-in',
    variants: [{ relations: SELF, input: () => undefined, expect: always }],
  },
  'auth.signIns': {
    access: 'signed-in',
    variants: [{ relations: SELF, input: () => undefined, expect: always }],
  },
  'auth.endSignIn': {
    access: 'signed-in',
    variants: [
      {
        name: 'another sign-in of mine',
        relations: SELF,
        input: async ({ w, callerId }) => {
          // A second device of the caller's (or, signed out, of the officer's).
          const { token } = await createSignIn(
            { db: w.db, clock: w.api.clock },
            callerId ?? w.person.officer!.id,
            'other device',
          )
          return { id: (await hashToken(token)).slice(0, 16) }
        },
        expect: always,
      },
      {
        name: "someone else's sign-in",
        relations: SELF,
        input: async ({ w }) => {
          const { token } = await createSignIn(
            { db: w.db, clock: w.api.clock },
            w.person.deltaChair!.id,
            'not yours',
          )
          return { id: (await hashToken(token)).slice(0, 16) }
        },
        // Somebody else's sign-in does not exist as far as the caller is concerned.
        expect: () => 'NOT_FOUND',
      },
    ],
  },
  'auth.changePassword': {
    access: 'signed-in',
    variants: [
      {
        relations: SELF,
        input: async ({ w, callerId }) => {
          if (callerId) await w.make.password(callerId)
          return { currentPassword: WORLD_PASSWORD, newPassword: 'another long passphrase' }
        },
        expect: always,
      },
    ],
  },
  'auth.requestPasswordReset': {
    access: 'public',
    variants: [
      {
        name: 'an account',
        relations: SELF,
        input: async ({ w }) => ({ email: (await w.make.account()).email }),
        expect: always,
      },
      {
        name: 'no account',
        relations: SELF,
        input: () => ({ email: freshEmail('nobody') }),
        // The same answer either way, so the form tells nobody who has an account.
        expect: always,
        noAudit: 'there is no such account, so nothing is sent or stored',
      },
    ],
  },
  'auth.checkResetLink': {
    access: 'public',
    variants: [
      {
        relations: SELF,
        // Reads nothing but whether the link can be used; the token is the capability.
        input: async ({ w }) => ({ token: await w.make.passwordReset((await w.make.account()).id) }),
        expect: always,
      },
    ],
  },
  'auth.resetPassword': {
    access: 'public',
    variants: [
      {
        relations: SELF,
        // The emailed token is the capability: whoever holds it sets the password.
        input: async ({ w }) => ({
          token: await w.make.passwordReset((await w.make.account()).id),
          password: 'another long passphrase',
        }),
        expect: always,
      },
    ],
  },
  'auth.changeEmail': {
    access: 'signed-in',
    variants: [
      {
        relations: SELF,
        input: async ({ w, callerId }) => {
          if (callerId) await w.make.password(callerId)
          return { password: WORLD_PASSWORD, newEmail: freshEmail('moved') }
        },
        expect: always,
      },
    ],
  },
}
