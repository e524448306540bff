/**
 * Everything the import compares against, read once at the start in six queries, and kept up to
 * date in memory as the run goes (every change recorded in the journal, so that a group whose
 * transaction fails is taken back out of the picture).
 */
import type { Db } from '@appg-hub/db'
import type { Journal } from './journal'
import { PeopleIndex } from './people'
import type { GroupState, MembershipRow } from './types'

export class Snapshot {
  /** By slug. */
  readonly groups = new Map<string, GroupState>()
  private readonly groupsById = new Map<string, GroupState>()

  private constructor(
    readonly people: PeopleIndex,
    private readonly journal: Journal,
  ) {}

  static async load(db: Db, journal: Journal): Promise<Snapshot> {
    const [groupRows, benefitRows, tagRows, membershipRows, personRows, aliasRows] = await Promise.all([
      db.selectFrom('appg').selectAll().execute(),
      db.selectFrom('benefit').selectAll().orderBy('appg_id').orderBy('position').execute(),
      db.selectFrom('appg_tag').selectAll().execute(),
      db
        .selectFrom('membership')
        .select(['id', 'person_id', 'appg_id', 'role', 'register_title', 'source'])
        .orderBy('id')
        .execute(),
      db
        .selectFrom('person')
        .select(['id', 'display_name', 'kind', 'party', 'mnis_id', 'twfy_id', 'register_key'])
        .where((eb) => eb.or([eb('register_key', 'is not', null), eb('mnis_id', 'is not', null)]))
        .orderBy('id')
        .execute(),
      db.selectFrom('person_alias').select(['name_key', 'person_id']).execute(),
    ])
    const snapshot = new Snapshot(new PeopleIndex(personRows, aliasRows, journal), journal)
    for (const row of groupRows)
      snapshot.index({ row, benefits: [], tags: new Set(), memberships: new Map() })
    for (const { id: _id, appg_id, position: _position, ...b } of benefitRows)
      snapshot.groupsById.get(appg_id)?.benefits.push(b)
    for (const t of tagRows) snapshot.groupsById.get(t.appg_id)?.tags.add(t.tag)
    for (const m of membershipRows) snapshot.groupsById.get(m.appg_id)?.memberships.set(m.person_id, m)
    return snapshot
  }

  private index(state: GroupState): void {
    this.groups.set(state.row.slug, state)
    this.groupsById.set(state.row.id, state)
  }

  /** The newest edition any registered group was last seen in. */
  newestEdition(isEdition: (edition: string) => boolean): string | undefined {
    return [...this.groups.values()]
      .map((g) => g.row)
      .filter((g) => g.status === 'registered' && g.register_edition && isEdition(g.register_edition))
      .map((g) => g.register_edition!)
      .sort()
      .at(-1)
  }

  addGroup(state: GroupState): void {
    this.index(state)
    this.journal.record(() => {
      this.groups.delete(state.row.slug)
      this.groupsById.delete(state.row.id)
    })
  }

  /** Sets (or, with null, removes) a person's membership of a group. */
  setMembership(g: GroupState, m: MembershipRow | null, personId: string): void {
    const before = g.memberships.get(personId)
    if (m) g.memberships.set(personId, m)
    else g.memberships.delete(personId)
    this.journal.record(() => {
      if (before) g.memberships.set(personId, before)
      else g.memberships.delete(personId)
    })
  }

  /** Applies `set` to a row kept in memory, undone if the group's transaction fails. */
  assign<T extends object>(row: T, set: Partial<T>): void {
    const before = { ...row }
    Object.assign(row, set)
    this.journal.record(() => Object.assign(row, before))
  }

  /** Replaces one of a group's in-memory collections (benefits, tags), undone likewise. */
  replace<K extends 'benefits' | 'tags'>(g: GroupState, key: K, next: GroupState[K]): GroupState[K] {
    const previous = g[key]
    g[key] = next
    this.journal.record(() => {
      g[key] = previous
    })
    return previous
  }
}
