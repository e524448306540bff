/** me.*, register.*, dev.* and notifications.*: the caller's own things and the public Register. */
import { always, groupOf, groupPower, type RouterCases } from '../../support/authz-model'
import { GROUP_RELATIONS, SELF } from '../../support/authz-world'

export const meCases: RouterCases = {
  'me.get': { access: 'public', variants: [{ relations: SELF, input: () => undefined, expect: always }] },
}

export const registerCases: RouterCases = {
  'register.list': { access: 'public', variants: [{ relations: SELF, input: () => ({}), expect: always }] },
  'register.tags': {
    access: 'public',
    variants: [{ relations: SELF, input: () => undefined, expect: always }],
  },
  'register.group': {
    access: 'public',
    variants: [
      {
        relations: GROUP_RELATIONS,
        input: ({ relation }) => ({
          slug: relation === 'own' ? 'alpha' : relation === 'partner' ? 'beta' : 'delta',
        }),
        expect: always,
      },
    ],
  },
  'register.history': {
    access: 'signed-in',
    variants: [
      {
        relations: GROUP_RELATIONS,
        input: ({ relation }) => ({ slug: groupOf(relation) }),
        expect: groupPower('item.read'),
      },
    ],
  },
  'register.ruleChecks': {
    access: 'signed-in',
    variants: [
      {
        relations: GROUP_RELATIONS,
        input: ({ relation }) => ({ slug: groupOf(relation) }),
        expect: groupPower('group.viewRuleChecks'),
      },
    ],
  },
  'register.failingRuleChecks': {
    access: 'site-admin',
    variants: [{ relations: SELF, input: () => undefined, expect: always }],
  },
}

/** The development mailbox and demo accounts: public, and only in demo mode (the matrix runs in demo mode). */
export const devCases: RouterCases = {
  'dev.mailbox': { access: 'public', variants: [{ relations: SELF, input: () => ({}), expect: always }] },
  'dev.demoAccounts': {
    access: 'public',
    variants: [{ relations: SELF, input: () => undefined, expect: always }],
  },
}

export const notificationsCases: RouterCases = {
  'notifications.list': {
    access: 'signed-in',
    variants: [{ relations: SELF, input: () => undefined, expect: always }],
  },
  'notifications.unreadCount': {
    access: 'signed-in',
    variants: [{ relations: SELF, input: () => undefined, expect: always }],
  },
  'notifications.markRead': {
    access: 'signed-in',
    variants: [
      {
        name: 'all of mine',
        relations: SELF,
        input: async ({ w, callerId }) => {
          if (callerId) await w.make.notification(callerId)
          return undefined
        },
        expect: always,
      },
      {
        name: "someone else's by id",
        relations: SELF,
        input: async ({ w }) => ({ ids: [await w.make.notification(w.person.deltaChair!.id)] }),
        // Succeeds, marking nothing: another person's notification is not the caller's to touch.
        expect: always,
        async check({ w }, input) {
          const [id] = (input as { ids: string[] }).ids
          const row = await w.db
            .selectFrom('notification')
            .select('read_at')
            .where('id', '=', id!)
            .executeTakeFirstOrThrow()
          if (row.read_at !== null) throw new Error("marked someone else's notification read")
        },
        noAudit: 'nothing of the caller was marked (someone else’s notification stays unread)',
      },
    ],
  },
  'notifications.preferences': {
    access: 'signed-in',
    variants: [{ relations: SELF, input: () => undefined, expect: always }],
  },
  'notifications.setPreferences': {
    access: 'signed-in',
    variants: [{ relations: SELF, input: () => ({ email: 'digest' }), expect: always }],
  },
}

export const auditCases: RouterCases = {
  'audit.forGroup': {
    access: 'signed-in',
    variants: [
      {
        relations: GROUP_RELATIONS,
        input: ({ relation }) => ({
          slug: relation === 'own' ? 'alpha' : relation === 'partner' ? 'beta' : 'delta',
        }),
        expect: groupPower('group.viewAudit'),
      },
    ],
  },
  'audit.all': { access: 'site-admin', variants: [{ relations: SELF, input: () => ({}), expect: always }] },
}
