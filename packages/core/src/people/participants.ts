/**
 * Who takes part in a group on the hub: its accounts, with their hub role and, when the account is
 * also a Register person of the group, the Register's title. Shown to signed-in people of the group
 * and of its partner groups (groups sharing a topic, session or document with it) and to the site
 * administrator; the public page shows only those who chose to be listed (`setPublicListing`).
 */
import type { Role } from '@appg-hub/db'
import { type SqlBool, sql } from 'kysely'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { forbidden } from '../errors'
import { requireActor } from '../memberships/access'
import { groupIdOf, groupWithRows } from '../memberships/group-rows'
import { canSignIn } from './hub'

export interface HubParticipant {
  personId: string
  name: string
  kind: string
  party: string | null
  /** What the person may do on the hub. */
  role: Role
  /** The office the Register gives them in this group ("Vice Chair"), or null. */
  registerTitle: string | null
  listedPublicly: boolean
}

/**
 * Whether a member of the actor's groups shares an item with the group (`appg.id` of the query it
 * is used in): partners see each other.
 */
function isPartnerOf(ctx: ServiceContext, personId: string) {
  return sql<SqlBool>`exists ${ctx.db
    .selectFrom('participant as theirs')
    .innerJoin('participant as ours', (join) =>
      join.onRef('ours.item_type', '=', 'theirs.item_type').onRef('ours.item_id', '=', 'theirs.item_id'),
    )
    .innerJoin('membership', 'membership.appg_id', 'ours.appg_id')
    .select('theirs.appg_id')
    .where('theirs.appg_id', '=', sql.ref<string>('appg.id'))
    .where('membership.person_id', '=', personId)}`
}

/**
 * One query after the session check: the group, the caller's role, whether the caller's groups
 * work with it, and its participants (read only for a caller who may see them).
 */
export async function groupParticipants(
  ctx: ServiceContext,
  slug: string,
): Promise<{ group: { slug: string; title: string }; participants: HubParticipant[] }> {
  const actor = requireActor(ctx.actor)
  const { group, rows, flags } = await groupWithRows(
    ctx.db,
    actor,
    slug,
    sql<SqlBool>`(mine.role is not null or ${isPartnerOf(ctx, actor.id)})`,
    ctx.db
      .selectFrom('membership')
      .innerJoin('person', 'person.id', 'membership.person_id')
      .select([
        'person.id as personId',
        'person.display_name as name',
        'person.kind',
        'person.party',
        'person.list_publicly as listPublicly',
        'membership.role',
        'membership.register_title as registerTitle',
      ])
      .where('membership.appg_id', '=', groupIdOf(slug))
      .where(canSignIn),
    [['name', 'asc']],
    (r) => r.personId != null,
    // Asked only of a caller without a role in the group, as before.
    { partner: sql`case when mine.role is null then ${isPartnerOf(ctx, actor.id)} else 0 end` },
  )
  if (!group.role && !group.isSiteAdmin && Number(flags.partner) !== 1) {
    throw forbidden(
      `Who takes part in ${group.title} on the hub is shown to its members and to the groups working with it.`,
    )
  }
  return {
    group: { slug: group.slug, title: group.title },
    participants: rows.map(({ listPublicly, ...r }) => ({
      ...r,
      listedPublicly: Number(listPublicly) === 1,
    })),
  }
}

export async function getPublicListing(ctx: ServiceContext): Promise<{ listPublicly: boolean }> {
  const actor = requireActor(ctx.actor)
  const row = await ctx.db
    .selectFrom('person')
    .select('list_publicly')
    .where('id', '=', actor.id)
    .executeTakeFirstOrThrow()
  return { listPublicly: Number(row.list_publicly) === 1 }
}

export async function setPublicListing(
  ctx: ServiceContext,
  listPublicly: boolean,
): Promise<{ listPublicly: boolean }> {
  const actor = requireActor(ctx.actor)
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('person')
      .set({ list_publicly: listPublicly ? 1 : 0, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', actor.id)
      .execute()
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'person.public_listing_changed',
      details: { listPublicly },
    })
  })
  return { listPublicly }
}
