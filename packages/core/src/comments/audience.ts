/**
 * Everyone a comment may concern, read in the same query as its item (docs/architecture.md §5: on
 * the edge each query is a round trip): the people it mentions, the author of the comment it
 * answers, the item's followers and the commenter, each with what deciding and sending their
 * notification needs (may they read the item, do they want email at once, do they follow it).
 */
import { type Db, type ItemType, jsonAgg, parseJsonArray } from '@appg-hub/db'
import { sql } from 'kysely'
import type { Actor } from '../context'
import { notFound } from '../errors'
import { ITEM_NOUN, itemFromRow, type LoadedItem, participantsOf } from '../items/load'
import type { NotifiedPerson } from '../notifications/notify'
import { rolesAllowed } from '../policy'

export interface AudienceMember extends NotifiedPerson {
  isSiteAdmin: boolean
  /** Holds a reading role in one of the item's participant groups (the circle mentions reach). */
  participant: boolean
  follows: boolean
}

export interface CommentParent {
  id: string
  parentId: string | null
  authorId: string
  deleted: boolean
  hidden: boolean
}

interface AudienceQuery {
  itemType: ItemType
  itemId: string
  /** People named by id: the mentioned, and the commenter (to learn whether they follow). */
  personIds: string[]
  /** Include the item's followers (a new comment), or not (an edit reaches new mentions only). */
  followers: boolean
  /** Include the author of this comment of the item (a reply). */
  parentId: string | null
}

/** The audience as one JSON array (a scalar subquery). */
function audienceOf(db: Db, q: AudienceQuery) {
  const people = db
    .selectFrom('person')
    .select((eb) => [
      'person.id',
      'person.email',
      'person.email_preference',
      'person.erased_at',
      'person.is_site_admin',
      eb
        .exists(
          eb
            .selectFrom('participant')
            .innerJoin('membership', 'membership.appg_id', 'participant.appg_id')
            .select('membership.person_id')
            .where('participant.item_type', '=', q.itemType)
            .where('participant.item_id', '=', q.itemId)
            .whereRef('membership.person_id', '=', 'person.id')
            .where('membership.role', 'in', [...rolesAllowed('item.read')]),
        )
        .as('participant'),
      eb
        .exists(
          eb
            .selectFrom('follow')
            .select('follow.person_id')
            .where('follow.item_type', '=', q.itemType)
            .where('follow.item_id', '=', q.itemId)
            .whereRef('follow.person_id', '=', 'person.id'),
        )
        .as('follows'),
    ])
    .where((eb) => {
      const who = []
      if (q.personIds.length > 0) who.push(eb('person.id', 'in', q.personIds))
      if (q.followers)
        who.push(
          eb(
            'person.id',
            'in',
            eb
              .selectFrom('follow')
              .select('follow.person_id')
              .where('follow.item_type', '=', q.itemType)
              .where('follow.item_id', '=', q.itemId),
          ),
        )
      if (q.parentId)
        who.push(
          eb(
            'person.id',
            'in',
            eb
              .selectFrom('comment')
              .select('comment.author_id')
              .where('comment.id', '=', q.parentId)
              .where('comment.item_type', '=', q.itemType)
              .where('comment.item_id', '=', q.itemId),
          ),
        )
      return who.length > 0 ? eb.or(who) : sql<boolean>`1 = 0`
    })
    .as('audience')
  return db.selectFrom(people).select(
    jsonAgg(db, {
      id: 'audience.id',
      email: 'audience.email',
      emailPreference: 'audience.email_preference',
      erasedAt: 'audience.erased_at',
      isSiteAdmin: 'audience.is_site_admin',
      participant: 'audience.participant',
      follows: 'audience.follows',
    }).as('audience'),
  )
}

function parseAudience(value: unknown): AudienceMember[] {
  return parseJsonArray<{
    id: string
    email: string | null
    emailPreference: string
    erasedAt: string | null
    isSiteAdmin: number | boolean
    participant: number | boolean
    follows: number | boolean
  }>(value).map((p) => ({
    id: p.id,
    email: p.email,
    emailPreference: p.emailPreference,
    erasedAt: p.erasedAt,
    isSiteAdmin: Number(p.isSiteAdmin) === 1,
    participant: Number(p.participant) === 1,
    follows: Number(p.follows) === 1,
  }))
}

/**
 * One query for a new comment: the item with its participant groups and the actor's role in each
 * (as `loadItem`), the comment answered (when `parentId`), and the audience. NOT_FOUND as
 * `loadItem` when there is no such item.
 */
export async function loadCommentTarget(
  db: Db,
  actor: Actor,
  input: { itemType: ItemType; itemId: string; parentId: string | null; mentioned: string[] },
): Promise<{ item: LoadedItem; parent: CommentParent | null; audience: AudienceMember[] }> {
  const { itemType: type, itemId: id } = input
  const parentQuery = db
    .selectFrom('comment')
    .select(
      jsonAgg(db, {
        id: 'comment.id',
        parentId: 'comment.parent_id',
        authorId: 'comment.author_id',
        deletedAt: 'comment.deleted_at',
        hiddenAt: 'comment.hidden_at',
      }).as('parent'),
    )
    .where('comment.id', '=', input.parentId ?? '')
    .where('comment.item_type', '=', type)
    .where('comment.item_id', '=', id)
  const row = await db
    .selectFrom(`${type} as item` as 'topic as item')
    .select([
      'item.id',
      'item.title',
      'item.visibility',
      'item.status',
      participantsOf(db, type, 'item.id', actor).as('participants'),
      audienceOf(db, {
        itemType: type,
        itemId: id,
        personIds: [...new Set([actor.id, ...input.mentioned])],
        followers: true,
        parentId: input.parentId,
      }).as('audience'),
      ...(input.parentId ? [parentQuery.as('parent')] : []),
    ])
    .where('item.id', '=', id)
    .executeTakeFirst()
  const item = loadedOrNotFound(actor, type, row)
  const [parent] = parseJsonArray<{
    id: string
    parentId: string | null
    authorId: string
    deletedAt: string | null
    hiddenAt: string | null
  }>((row as { parent?: unknown }).parent)
  return {
    item,
    parent: parent
      ? {
          id: parent.id,
          parentId: parent.parentId,
          authorId: parent.authorId,
          deleted: parent.deletedAt !== null,
          hidden: parent.hiddenAt !== null,
        }
      : null,
    audience: parseAudience(row!.audience),
  }
}

/** The audience alone (an edit's new mentions), in one query. */
export async function loadAudience(db: Db, q: AudienceQuery): Promise<AudienceMember[]> {
  if (q.personIds.length === 0 && !q.followers && !q.parentId) return []
  const row = await audienceOf(db, q).executeTakeFirst()
  return parseAudience(row?.audience)
}

function loadedOrNotFound(
  actor: Actor,
  type: ItemType,
  row: Parameters<typeof itemFromRow>[2] | undefined,
): LoadedItem {
  if (!row) throw notFound(`That ${ITEM_NOUN[type]}`)
  return itemFromRow(actor, type, row)
}
