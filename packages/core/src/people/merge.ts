/**
 * A site administrator's merges and splits of people of the Register (issue #12: one person per
 * real person). The import merges what ids, titles and the repository's alias facts settle; what
 * they do not, or get wrong, a site administrator settles here, and the Register import keeps it:
 * a merged person's names become aliases of the person kept (`person_alias`), and a split pins a
 * name to its own person.
 *
 * Only people without an account are merged here: an account is joined to its Register person by
 * an invitation or `adminLinkAccount` (claim.ts), which moves what an account owns.
 */
import { type Db, type MembershipTable, newId, type PersonAliasTable } from '@appg-hub/db'
import type { Insertable, Selectable } from 'kysely'
import { audit } from '../audit'
import type { Actor, ServiceContext } from '../context'
import { badRequest, conflict, forbidden, notFound } from '../errors'
import { requireActor } from '../memberships/access'
import { can, rank } from '../policy'
import { normaliseName } from './names'
import { newPersonRow, PERSON_ROW_COLUMNS } from './person-row'

type PersonRow = Awaited<ReturnType<typeof personOf>>
type MembershipRow = Selectable<MembershipTable>

export function requireSiteAdmin(actor: Actor | null): Actor {
  const me = requireActor(actor)
  if (!can({ role: null, isSiteAdmin: me.isSiteAdmin, isPublic: false }, 'people.merge'))
    throw forbidden('Only a site administrator can merge or split people.')
  return me
}

/** What a merge changed, kept in `person_merge.details` so that a split can undo exactly that. */
export interface MergeDetails {
  person: NonNullable<PersonRow>
  /** The merged person's memberships now held by the person kept. */
  movedMemberships: string[]
  /** The merged person's memberships of groups the kept person was already in, removed. */
  removedMemberships: MembershipRow[]
  movedInvites: string[]
  movedAliases: string[]
  /** Ids the kept person took from the merged one. */
  took: { mnis_id?: string; twfy_id?: string }
}

async function personOf(db: Db, id: string) {
  return db
    .selectFrom('person')
    .select(PERSON_ROW_COLUMNS)
    .where('id', '=', id)
    .where('erased_at', 'is', null)
    .executeTakeFirst()
}

/** The names the import may meet a person under: their display name and a name register key. */
function nameKeysOf(person: { display_name: string; register_key: string | null }): string[] {
  const keys = new Set([normaliseName(person.display_name)])
  if (person.register_key?.startsWith('name:')) keys.add(person.register_key.slice('name:'.length))
  return [...keys].filter((k) => k !== '')
}

/**
 * Merges `mergedId` into `keepId`: its memberships (in a group both are in, the better role stays),
 * invitations addressed to it, aliases and parliamentary ids move to the person kept, its names
 * become their aliases, and it is removed. Audited; undone by `splitMerge`.
 */
export async function mergePeople(ctx: ServiceContext, input: { keepId: string; mergedId: string }) {
  const actor = requireSiteAdmin(ctx.actor)
  if (input.keepId === input.mergedId)
    throw badRequest('A person cannot be merged with themselves.', 'mergedId')
  return ctx.db.transaction().execute(async (tx) => {
    const [keep, merged] = await Promise.all([personOf(tx, input.keepId), personOf(tx, input.mergedId)])
    if (!keep) throw notFound('That person')
    if (!merged) throw notFound('That person')
    if (keep.email !== null || merged.email !== null)
      throw badRequest(
        'Only people of the Register without an account are merged here; link an account to its Register person instead.',
        keep.email !== null ? 'keepId' : 'mergedId',
      )
    if (keep.mnis_id && merged.mnis_id && keep.mnis_id !== merged.mnis_id)
      throw conflict('These two people have different MNIS ids: Parliament holds them as two people.')
    const now = ctx.clock.now().toISOString()
    const mergeId = newId()

    const [theirs, mine, invites, aliases] = await Promise.all([
      tx.selectFrom('membership').selectAll().where('person_id', '=', merged.id).execute(),
      tx
        .selectFrom('membership')
        .select(['id', 'appg_id', 'role'])
        .where('person_id', '=', keep.id)
        .execute(),
      tx.selectFrom('group_invite').select('id').where('register_person_id', '=', merged.id).execute(),
      tx.selectFrom('person_alias').select(['id', 'name_key']).where('person_id', '=', merged.id).execute(),
    ])
    const mineByGroup = new Map(mine.map((m) => [m.appg_id, m]))
    const details: MergeDetails = {
      person: merged,
      movedMemberships: [],
      removedMemberships: [],
      movedInvites: invites.map((i) => i.id),
      movedAliases: aliases.map((a) => a.id),
      took: {},
    }
    for (const m of theirs) {
      const own = mineByGroup.get(m.appg_id)
      if (!own) {
        details.movedMemberships.push(m.id)
        continue
      }
      details.removedMemberships.push(m)
      if (rank(m.role) > rank(own.role))
        await tx
          .updateTable('membership')
          .set({ role: m.role, updated_at: now })
          .where('id', '=', own.id)
          .execute()
    }
    if (details.removedMemberships.length > 0)
      await tx
        .deleteFrom('membership')
        .where(
          'id',
          'in',
          details.removedMemberships.map((m) => m.id),
        )
        .execute()
    if (details.movedMemberships.length > 0)
      await tx
        .updateTable('membership')
        .set({ person_id: keep.id, updated_at: now })
        .where('id', 'in', details.movedMemberships)
        .execute()
    if (details.movedInvites.length > 0)
      await tx
        .updateTable('group_invite')
        .set({ register_person_id: keep.id })
        .where('id', 'in', details.movedInvites)
        .execute()
    if (details.movedAliases.length > 0)
      await tx
        .updateTable('person_alias')
        .set({ person_id: keep.id })
        .where('id', 'in', details.movedAliases)
        .execute()

    // The merged person goes first: the register key and MNIS id are unique.
    await tx.deleteFrom('person').where('id', '=', merged.id).execute()
    if (!keep.mnis_id && merged.mnis_id) details.took.mnis_id = merged.mnis_id
    if (!keep.twfy_id && merged.twfy_id) details.took.twfy_id = merged.twfy_id
    if (Object.keys(details.took).length > 0)
      await tx
        .updateTable('person')
        .set({ ...details.took, updated_at: now })
        .where('id', '=', keep.id)
        .execute()
    const taken = new Set([...nameKeysOf(keep), ...aliases.map((a) => a.name_key)])
    const newAliases: Insertable<PersonAliasTable>[] = nameKeysOf(merged)
      .filter((key) => !taken.has(key))
      .map((name_key) => ({
        id: newId(),
        name_key,
        person_id: keep.id,
        display_name: merged.display_name,
        source: 'admin',
        reason: `merged by a site administrator into ${keep.display_name}`,
        merge_id: mergeId,
        created_at: now,
      }))
    // A name pinned to nobody now (an earlier split's) gives way to the merge.
    if (newAliases.length > 0) {
      await tx
        .deleteFrom('person_alias')
        .where(
          'name_key',
          'in',
          newAliases.map((a) => a.name_key),
        )
        .execute()
      await tx.insertInto('person_alias').values(newAliases).execute()
    }
    await tx
      .insertInto('person_merge')
      .values({
        id: mergeId,
        person_id: keep.id,
        merged_person_id: merged.id,
        details: JSON.stringify(details),
        actor_id: actor.id,
        at: now,
        split_at: null,
      })
      .execute()
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'person.merged',
      itemType: 'person',
      itemId: keep.id,
      details: {
        mergeId,
        kept: { id: keep.id, name: keep.display_name },
        merged: { id: merged.id, name: merged.display_name, mnisId: merged.mnis_id },
        memberships: details.movedMemberships.length + details.removedMemberships.length,
      },
    })
    return { mergeId, personId: keep.id }
  })
}

/**
 * Undoes a site administrator's merge: the merged person comes back with their ids, memberships,
 * invitations and aliases (those the person kept still holds), and their names are theirs again.
 */
export async function splitMerge(ctx: ServiceContext, input: { mergeId: string }) {
  const actor = requireSiteAdmin(ctx.actor)
  return ctx.db.transaction().execute(async (tx) => {
    const merge = await tx
      .selectFrom('person_merge')
      .selectAll()
      .where('id', '=', input.mergeId)
      .executeTakeFirst()
    if (!merge) throw notFound('That merge')
    if (merge.split_at) throw conflict('That merge has been split already.')
    const d = JSON.parse(merge.details) as MergeDetails
    const now = ctx.clock.now().toISOString()
    await tx.deleteFrom('person_alias').where('merge_id', '=', merge.id).execute()
    if (Object.keys(d.took).length > 0)
      await tx
        .updateTable('person')
        .set({
          ...(d.took.mnis_id ? { mnis_id: null } : {}),
          ...(d.took.twfy_id ? { twfy_id: null } : {}),
          updated_at: now,
        })
        .where('id', '=', merge.person_id)
        .execute()
    await tx.insertInto('person').values(d.person).execute()
    // What the person kept still holds goes back; what changed since (a re-import) stays as it is.
    if (d.movedMemberships.length > 0)
      await tx
        .updateTable('membership')
        .set({ person_id: d.person.id, updated_at: now })
        .where('id', 'in', d.movedMemberships)
        .where('person_id', '=', merge.person_id)
        .execute()
    if (d.removedMemberships.length > 0)
      await tx.insertInto('membership').values(d.removedMemberships).execute()
    if (d.movedInvites.length > 0)
      await tx
        .updateTable('group_invite')
        .set({ register_person_id: d.person.id })
        .where('id', 'in', d.movedInvites)
        .where('register_person_id', '=', merge.person_id)
        .execute()
    if (d.movedAliases.length > 0)
      await tx
        .updateTable('person_alias')
        .set({ person_id: d.person.id })
        .where('id', 'in', d.movedAliases)
        .where('person_id', '=', merge.person_id)
        .execute()
    await tx.updateTable('person_merge').set({ split_at: now }).where('id', '=', merge.id).execute()
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'person.split',
      itemType: 'person',
      itemId: merge.person_id,
      details: { mergeId: merge.id, restored: { id: d.person.id, name: d.person.display_name } },
    })
    return { personId: d.person.id }
  })
}

/**
 * Splits a name the import merged (a title rule or an alias fact) off its person: the name gets a
 * person of its own, pinned to it so that no re-import merges it again; with `takeIds` the
 * parliamentary ids go with it. The Register's memberships follow at the next import.
 */
export async function splitAlias(ctx: ServiceContext, input: { aliasId: string; takeIds: boolean }) {
  const actor = requireSiteAdmin(ctx.actor)
  return ctx.db.transaction().execute(async (tx) => {
    const alias = await tx
      .selectFrom('person_alias')
      .selectAll()
      .where('id', '=', input.aliasId)
      .executeTakeFirst()
    if (!alias) throw notFound('That name')
    if (alias.merge_id) throw badRequest('That name came with a merge: split the merge instead.', 'aliasId')
    const person = await personOf(tx, alias.person_id)
    if (!person) throw notFound('That person')
    // A name a site administrator pinned (merge names returned above): a split's, already apart.
    if (alias.source === 'admin') throw conflict('That name has its own person already.')
    const now = ctx.clock.now().toISOString()
    const ids = input.takeIds ? { mnis_id: person.mnis_id, twfy_id: person.twfy_id } : {}
    if (input.takeIds && (person.mnis_id || person.twfy_id))
      await tx
        .updateTable('person')
        .set({
          mnis_id: null,
          twfy_id: null,
          register_key: person.register_key?.startsWith('mnis:')
            ? `name:${nameKeysOf(person)[0]}`
            : person.register_key,
          updated_at: now,
        })
        .where('id', '=', person.id)
        .execute()
    const split = newPersonRow(
      {
        displayName: alias.display_name,
        kind: person.kind,
        party: person.party,
        mnisId: ids.mnis_id ?? null,
        twfyId: ids.twfy_id ?? null,
        registerKey: ids.mnis_id ? `mnis:${ids.mnis_id}` : `name:${alias.name_key}`,
      },
      now,
    )
    const id = split.id
    await tx.insertInto('person').values(split).execute()
    await tx
      .updateTable('person_alias')
      .set({
        person_id: id,
        source: 'admin',
        reason: `split from ${person.display_name} by a site administrator`,
      })
      .where('id', '=', alias.id)
      .execute()
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'person.split',
      itemType: 'person',
      itemId: person.id,
      details: { aliasId: alias.id, name: alias.display_name, newPersonId: id, tookIds: input.takeIds },
    })
    return { personId: id }
  })
}
