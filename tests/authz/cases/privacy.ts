/** privacy.*: a person's own data (docs/architecture.md §7: download it, erase the account). */
import { ERASE_CONFIRMATION } from '@appg-hub/core'
import { always, type RouterCases } from '../../support/authz-model'
import { SELF, WORLD_PASSWORD } from '../../support/authz-world'

export const privacyCases: RouterCases = {
  'privacy.export': {
    access: 'signed-in',
    variants: [{ relations: SELF, input: () => undefined, expect: always }],
  },
  'privacy.erase': {
    access: 'signed-in',
    variants: [
      {
        relations: SELF,
        input: async ({ w, callerId }) => {
          if (callerId) await w.make.password(callerId)
          return { password: WORLD_PASSWORD, confirmation: ERASE_CONFIRMATION }
        },
        // The only chair of alpha may erase their account too: the group is then chairless, which is
        // for the Register to sort out, not a reason to keep someone's personal data.
        expect: always,
      },
    ],
  },
}
