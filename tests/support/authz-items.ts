/**
 * Factories for the authorization world's disposable rows (items, their parts and the people and
 * tokens around them), made directly in the database, so that a successful mutation in one case
 * never changes what the next case sees. Sessions and their parts are made in authz-sessions.ts,
 * the people-side rows in authz-accounts.ts; this returns all of them.
 */
import { type AttachmentItemType, type Db, type ItemType, newId } from '@appg-hub/db'
import { accountFactories } from './authz-accounts'
import type { GroupName } from './authz-people'
import { type ITEM_RELATIONS, ITEM_SHAPES } from './authz-relations'
import { sessionFactories } from './authz-sessions'
import { type callers, testConfig } from './fixtures'
import { HEALTH } from './groups'
import type { Person } from './people'

export interface ItemFactoryWorld {
  db: Db
  api: ReturnType<typeof callers>
  groups: Record<GroupName, { id: string; slug: string; title: string }>
  person: Record<string, Person>
  ownerOfficer: Record<GroupName, string>
}

/** Makes an item's participant rows: its owner group and its partners. */
export type AddParticipants = (
  type: ItemType,
  id: string,
  shape: { owner: GroupName; partners: GroupName[] },
  at: string,
) => Promise<void>

export function itemFactories({ db, api, groups, person, ownerOfficer }: ItemFactoryWorld) {
  const now = () => api.clock.now().toISOString()
  let seq = 0
  const next = () => ++seq

  const addParticipants: AddParticipants = async (type, id, shape, at) => {
    await db
      .insertInto('participant')
      .values([
        { item_type: type, item_id: id, appg_id: groups[shape.owner].id, is_owner: 1, joined_at: at },
        ...shape.partners.map((p) => ({
          item_type: type,
          item_id: id,
          appg_id: groups[p].id,
          is_owner: 0,
          joined_at: at,
        })),
      ])
      .execute()
  }

  const make = {
    /** A topic shaped like `relation` (owner, partners, visibility), made directly in the database. */
    async topic(
      relation: (typeof ITEM_RELATIONS)[number] | (typeof ITEM_SHAPES)[keyof typeof ITEM_SHAPES],
      options: { status?: 'open' | 'closed' | 'archived'; title?: string } = {},
    ): Promise<string> {
      const shape = typeof relation === 'string' ? ITEM_SHAPES[relation] : relation
      const id = newId()
      const at = now()
      const n = next()
      await db
        .insertInto('topic')
        .values({
          id,
          appg_id: groups[shape.owner].id,
          title: options.title ?? `Topic ${n} (${shape.owner})`,
          summary: 'A topic for the authorization matrix.',
          tags: JSON.stringify([HEALTH]),
          visibility: shape.visibility,
          status: options.status ?? 'open',
          created_by: ownerOfficer[shape.owner],
          created_at: at,
          updated_at: at,
          last_activity_at: at,
        })
        .execute()
      await db
        .insertInto('participant')
        .values([
          { item_type: 'topic', item_id: id, appg_id: groups[shape.owner].id, is_owner: 1, joined_at: at },
          ...shape.partners.map((p) => ({
            item_type: 'topic' as const,
            item_id: id,
            appg_id: groups[p].id,
            is_owner: 0,
            joined_at: at,
          })),
        ])
        .execute()
      return id
    },

    /**
     * A document shaped like `relation`, with one revision. The public relation's document is
     * published (a public draft is still for its participants only); the others are drafts.
     */
    async document(
      relation: (typeof ITEM_RELATIONS)[number] | (typeof ITEM_SHAPES)[keyof typeof ITEM_SHAPES],
      options: {
        status?: 'draft' | 'published'
        revisions?: number
        /** The revision approved for the public (default the head); later ones are the draft. */
        publishedNumber?: number
      } = {},
    ): Promise<{ id: string; revisionId: string; headNumber: number }> {
      const shape = typeof relation === 'string' ? ITEM_SHAPES[relation] : relation
      const status = options.status ?? (shape.visibility === 'public' ? 'published' : 'draft')
      const id = newId()
      const at = now()
      const n = next()
      const count = options.revisions ?? 1
      const revisionIds = Array.from({ length: count }, () => newId())
      const publishedNumber = options.publishedNumber ?? count
      await db
        .insertInto('document')
        .values({
          id,
          appg_id: groups[shape.owner].id,
          kind: 'briefing',
          title: `Document ${n} (${shape.owner})`,
          status,
          visibility: shape.visibility,
          head_revision_id: null,
          head_number: 0,
          created_by: ownerOfficer[shape.owner],
          created_at: at,
          updated_at: at,
        })
        .execute()
      for (const [i, revisionId] of revisionIds.entries()) {
        await db
          .insertInto('revision')
          .values({
            id: revisionId,
            document_id: id,
            number: i + 1,
            // The working draft after the approved revision says other words (see authz-search).
            body:
              i + 1 > publishedNumber && status === 'published'
                ? `Version ${i + 1}, a working draft.\n\nIt says other things.`
                : `Version ${i + 1} of the briefing.\n\nIt says things.`,
            author_id: ownerOfficer[shape.owner],
            base_revision_id: i === 0 ? null : revisionIds[i - 1]!,
            merged: 0,
            created_at: at,
          })
          .execute()
      }
      await db
        .updateTable('document')
        .set({
          head_revision_id: revisionIds[count - 1]!,
          head_number: count,
          published_revision_id: status === 'published' ? revisionIds[publishedNumber - 1]! : null,
        })
        .where('id', '=', id)
        .execute()
      await addParticipants('document', id, shape, at)
      return { id, revisionId: revisionIds[count - 1]!, headNumber: count }
    },

    /**
     * A pending publication request for an item of `relation`, asked by its owner group's officer
     * (whose group has therefore consented); `status` for one already decided.
     */
    async publicationRequest(
      itemType: ItemType,
      itemId: string,
      relation: (typeof ITEM_RELATIONS)[number],
      status: 'pending' | 'approved' = 'pending',
    ): Promise<string> {
      const shape = ITEM_SHAPES[relation]
      const id = newId()
      const at = now()
      await db
        .insertInto('publication_request')
        .values({
          id,
          item_type: itemType,
          item_id: itemId,
          visibility: 'public',
          revision_id: null,
          status,
          pending_key: status === 'pending' ? `${itemType}:${itemId}` : null,
          from_appg_id: groups[shape.owner].id,
          requested_by: ownerOfficer[shape.owner],
          message: null,
          created_at: at,
          expires_at: new Date(api.clock.now().getTime() + 14 * 24 * 3600 * 1000).toISOString(),
          decided_at: null,
          decided_by: null,
          decided_appg_id: null,
          reason: null,
        })
        .execute()
      await db
        .insertInto('publication_consent')
        .values({ request_id: id, appg_id: groups[shape.owner].id, person_id: ownerOfficer[shape.owner], at })
        .execute()
      return id
    },

    /** An explicit link from a document to an item. */
    async link(documentId: string, toType: ItemType, toId: string): Promise<string> {
      const id = newId()
      await db
        .insertInto('link')
        .values({
          id,
          from_type: 'document',
          from_id: documentId,
          to_type: toType,
          to_id: toId,
          link_type: 'references',
          origin: 'explicit',
          created_by: person.officer!.id,
          created_at: now(),
        })
        .execute()
      return id
    },

    async comment(
      itemType: ItemType,
      itemId: string,
      authorId: string,
      options: { hidden?: boolean; parentId?: string | null; body?: string } = {},
    ): Promise<string> {
      const id = newId()
      const at = now()
      await db
        .insertInto('comment')
        .values({
          id,
          item_type: itemType,
          item_id: itemId,
          parent_id: options.parentId ?? null,
          author_id: authorId,
          body: options.body ?? 'A comment for the matrix.',
          created_at: at,
          edited_at: null,
          deleted_at: null,
          hidden_at: options.hidden ? at : null,
          hidden_by: options.hidden ? person.deltaChair!.id : null,
          hidden_reason: options.hidden ? 'Off topic.' : null,
        })
        .execute()
      return id
    },

    /** One version of a file on an item or comment (metadata only: list, get and remove read no bytes). */
    async attachment(
      itemType: AttachmentItemType,
      itemId: string,
      uploaderId: string,
      owner: GroupName,
      options: { deleted?: boolean; chainId?: string; version?: number } = {},
    ): Promise<string> {
      const id = newId()
      const at = now()
      await db
        .insertInto('attachment')
        .values({
          id,
          item_type: itemType,
          item_id: itemId,
          appg_id: groups[owner].id,
          chain_id: options.chainId ?? id,
          version: options.version ?? 1,
          name: `evidence-${id.slice(-4)}.pdf`,
          size: 1234,
          media_type: 'application/pdf',
          sha256: '0'.repeat(64),
          storage_key: `attachments/${id}`,
          uploaded_by: uploaderId,
          created_at: at,
          deleted_at: options.deleted ? at : null,
          deleted_by: options.deleted ? uploaderId : null,
        })
        .execute()
      return id
    },

    async follow(personId: string, itemType: ItemType, itemId: string) {
      await db
        .insertInto('follow')
        .values({ person_id: personId, item_type: itemType, item_id: itemId, created_at: now() })
        .execute()
    },

    /** A pending handshake invitation for `itemId` from `from` (its owner) to `to`. */
    async invitation(itemType: ItemType, itemId: string, from: GroupName, to: GroupName): Promise<string> {
      const id = newId()
      const at = api.clock.now()
      await db
        .insertInto('invitation')
        .values({
          id,
          item_type: itemType,
          item_id: itemId,
          from_appg_id: groups[from].id,
          to_appg_id: groups[to].id,
          message: null,
          reply: null,
          status: 'pending',
          pending_key: `${itemType}:${itemId}:${groups[to].id}`,
          sent_by: ownerOfficer[from],
          answered_by: null,
          created_at: at.toISOString(),
          answered_at: null,
          expires_at: new Date(at.getTime() + testConfig.handshakeTtlMs).toISOString(),
        })
        .execute()
      return id
    },
  }

  const world = { db, api, groups, person, ownerOfficer }
  return {
    ...make,
    ...sessionFactories(world, next, addParticipants),
    ...accountFactories(world, next),
  }
}
