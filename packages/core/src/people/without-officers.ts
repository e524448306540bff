/**
 * Registered groups that nobody can act for: no chair or officer on the hub with an account. The
 * site administrator sees them with the Register's chair and registered contact, to invite them.
 */
import { jsonAgg, parseJsonArray } from '@appg-hub/db'
import type { ServiceContext } from '../context'
import { forbidden } from '../errors'
import { requireActor } from '../memberships/access'

export interface GroupWithoutOfficerAccount {
  slug: string
  title: string
  registeredContactName: string | null
  registeredContactEmail: string | null
  /** The Register's chairs (its "Chair", "Co-Chair", "Chair & Registered Contact"), none with an account. */
  registerChairs: { personId: string; name: string; registerTitle: string | null }[]
}

/** One query: the groups, each with its Register chairs aggregated alongside. */
export async function groupsWithoutOfficerAccount(
  ctx: ServiceContext,
): Promise<GroupWithoutOfficerAccount[]> {
  const actor = requireActor(ctx.actor)
  if (!actor.isSiteAdmin)
    throw forbidden('Only a site administrator can see which groups have no officer account.')
  const db = ctx.db
  const rows = await db
    .selectFrom('appg')
    .select((eb) => [
      'appg.slug',
      'appg.title',
      'appg.registered_contact_name as registeredContactName',
      'appg.registered_contact_email as registeredContactEmail',
      eb
        .selectFrom('membership')
        .innerJoin('person', 'person.id', 'membership.person_id')
        .select(
          jsonAgg(db, {
            personId: 'person.id',
            name: 'person.display_name',
            registerTitle: 'membership.register_title',
          }).as('chairs'),
        )
        .whereRef('membership.appg_id', '=', 'appg.id')
        .where('membership.role', '=', 'chair')
        .where('membership.source', '=', 'register')
        .where('person.erased_at', 'is', null)
        .as('chairs'),
    ])
    .where('appg.status', '=', 'registered')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('membership')
            .innerJoin('person', 'person.id', 'membership.person_id')
            .select('membership.id')
            .whereRef('membership.appg_id', '=', 'appg.id')
            .where('membership.role', 'in', ['chair', 'officer'])
            .where('person.email', 'is not', null)
            .where('person.erased_at', 'is', null),
        ),
      ),
    )
    .orderBy('appg.slug')
    .execute()
  return rows.map(({ chairs, ...row }) => ({
    ...row,
    registerChairs: parseJsonArray<{ personId: string; name: string; registerTitle: string | null }>(
      chairs,
    ).sort((a, b) => a.name.localeCompare(b.name)),
  }))
}
