/**
 * Factories for the authorization world's sessions and their parts: agenda items, sign-ups and
 * email-only interest, made directly in the database (see authz-items.ts).
 */
import { hashToken, newToken } from '@appg-hub/core'
import { newId } from '@appg-hub/db'
import type { AddParticipants, ItemFactoryWorld } from './authz-items'
import { freshEmail } from './authz-people'
import { type ITEM_RELATIONS, ITEM_SHAPES } from './authz-relations'

/** `next` and `addParticipants` are the item factories', so that numbering and participants match. */
export function sessionFactories(
  { db, api, groups, ownerOfficer }: ItemFactoryWorld,
  next: () => number,
  addParticipants: AddParticipants,
) {
  const now = () => api.clock.now().toISOString()
  return {
    /**
     * A session shaped like `relation`, made directly in the database: scheduled by default (a
     * draft's `visibility` stays 'participants' whatever the hosts chose, as in the product).
     */
    async session(
      relation: (typeof ITEM_RELATIONS)[number] | (typeof ITEM_SHAPES)[keyof typeof ITEM_SHAPES],
      options: {
        status?: 'draft' | 'scheduled' | 'cancelled' | 'held'
        past?: boolean
        capacity?: number | null
      } = {},
    ): Promise<string> {
      const shape = typeof relation === 'string' ? ITEM_SHAPES[relation] : relation
      const status = options.status ?? 'scheduled'
      const id = newId()
      const at = api.clock.now()
      const day = 24 * 60 * 60 * 1000
      const startsAt = new Date(at.getTime() + (options.past ? -2 * day : 7 * day))
      const n = next()
      await db
        .insertInto('meeting')
        .values({
          id,
          appg_id: groups[shape.owner].id,
          topic_id: null,
          title: `Session ${n} (${shape.owner})`,
          description: 'A session for the authorization matrix.',
          starts_at: startsAt.toISOString(),
          ends_at: new Date(startsAt.getTime() + 60 * 60 * 1000).toISOString(),
          place: 'Committee Room 10',
          online_url: null,
          visibility: status === 'draft' ? 'participants' : shape.visibility,
          intended_visibility: shape.visibility,
          capacity: options.capacity === undefined ? 50 : options.capacity,
          status,
          cancel_reason: status === 'cancelled' ? 'Called off.' : null,
          sequence: 0,
          created_by: ownerOfficer[shape.owner],
          created_at: at.toISOString(),
          updated_at: at.toISOString(),
        })
        .execute()
      await addParticipants('meeting', id, shape, at.toISOString())
      return id
    },

    async agendaItem(sessionId: string, position = 1): Promise<string> {
      const id = newId()
      await db
        .insertInto('agenda_item')
        .values({
          id,
          meeting_id: sessionId,
          position,
          title: `Item ${position}`,
          speakers: null,
          duration_minutes: 15,
          notes: null,
        })
        .execute()
      return id
    },

    async signup(sessionId: string, personId: string, status: 'going' | 'maybe' = 'going'): Promise<string> {
      const id = newId()
      await db
        .insertInto('signup')
        .values({
          id,
          meeting_id: sessionId,
          person_id: personId,
          name: null,
          email: null,
          status,
          confirm_token_hash: null,
          created_at: now(),
          updated_at: now(),
        })
        .execute()
      return id
    },

    /** An email-only interest waiting for confirmation; returns the confirmation token. */
    async interest(sessionId: string): Promise<string> {
      const token = newToken()
      await db
        .insertInto('signup')
        .values({
          id: newId(),
          meeting_id: sessionId,
          person_id: null,
          name: 'A Visitor',
          email: freshEmail('visitor'),
          status: 'interest_unconfirmed',
          confirm_token_hash: await hashToken(token),
          created_at: now(),
          updated_at: now(),
        })
        .execute()
      return token
    },
  }
}
