/**
 * The world the authorization matrix, the audit check and the fuzzer run in: five groups, one
 * caller per row of the matrix, and factories for disposable items (so that a successful mutation
 * in one case never changes what the next case sees).
 *
 * Groups: `alpha` (the callers' own group: chair, officer, secretariat, member, observer), `beta`
 * (a partner: it takes part in alpha's items and alpha in its), `gamma` (the group of the
 * "unrelated officer" caller: takes part in nothing), `delta` (owns the unrelated and the public
 * items) and `epsilon` (delta's partner, and the group invitations are sent to).
 *
 * By concern: people and groups in `authz-people.ts` (on the shared builder of `people.ts`),
 * relations and item shapes in `authz-relations.ts`, the item factories in `authz-items.ts`, the
 * procedure list and table snapshots in `authz-procedures.ts`.
 */

import type { Db } from '@appg-hub/db'
import { itemFactories } from './authz-items'
import { type CallerName, type GroupName, makeAuthzGroups, makeAuthzPeople } from './authz-people'
import type { ITEM_RELATIONS } from './authz-relations'
import { callers } from './fixtures'
import { QueryCounter } from './query-counter'

export {
  CALLER_ROLES,
  CALLERS,
  type CallerName,
  freshEmail,
  type GroupName,
  WORLD_PASSWORD,
} from './authz-people'
export { listProcedures, type ProcedureInfo, snapshotAll, tableNames } from './authz-procedures'
export {
  GROUP_OF,
  GROUP_RELATIONS,
  type GroupRelation,
  ITEM_RELATIONS,
  ITEM_SHAPES,
  type Relation,
  SELF,
} from './authz-relations'

export type AuthzWorld = Awaited<ReturnType<typeof makeAuthzWorld>>

export async function makeAuthzWorld(db: Db) {
  const api = callers(db)
  /** Counts the queries of the calls made through `countedApi` (the matrix's calls). */
  const counter = new QueryCounter()
  const countedApi = callers(db.withPlugin(counter))
  const groups = await makeAuthzGroups(db)
  const person = await makeAuthzPeople(db, groups)

  /** The person id of a caller (null when signed out). */
  const idOf = (caller: CallerName): string | null => (caller === 'signedOut' ? null : person[caller]!.id)
  const ownerOfficer: Record<GroupName, string> = {
    alpha: person.officer!.id,
    beta: person.partnerOfficer!.id,
    gamma: person.unrelatedOfficer!.id,
    delta: person.deltaOfficer!.id,
    epsilon: person.epsilonOfficer!.id,
  }
  /** Someone who comments on an item of this relation but is none of the callers. */
  const bystanderAuthor: Record<(typeof ITEM_RELATIONS)[number], string> = {
    own: person.betaMember!.id,
    partner: person.betaMember!.id,
    unrelated: person.deltaMember!.id,
    public: person.deltaMember!.id,
  }
  const make = itemFactories({ db, api, groups, person, ownerOfficer })
  return { db, api, counter, countedApi, groups, person, idOf, ownerOfficer, bystanderAuthor, make }
}
