/**
 * Writing notifications: in-app inbox rows, and for people who want email at once, an email in
 * the outbox. Always called inside the transaction that makes the change being reported, so a
 * failed change notifies nobody.
 */
import { type Db, type ItemType, newId } from '@appg-hub/db'
import type { Clock } from '../clock'
import type { HubConfig } from '../context'
import { queueEmails } from '../outbox'
import { immediateEmail } from './email'
import type { NotificationKind } from './kinds'

export interface NotificationInput {
  personId: string
  kind: NotificationKind
  /** The headline, written for the recipient ("Fiona MacLeod replied to your comment on …"). */
  text: string
  /** The client route that shows the subject. */
  path: string
  itemType?: ItemType | null
  itemId?: string | null
  appgId?: string | null
  commentId?: string | null
  /** Some words of the comment, message or reply being reported. */
  excerpt?: string | null
}

const CHUNK = 200

/** What sending a person's notification needs to know of them. */
export interface NotifiedPerson {
  id: string
  email: string | null
  emailPreference: string
  erasedAt: string | null
}

/**
 * Notifies each person once (the first entry for a person wins, so list the most specific
 * first), never the actor. Returns how many people were notified. `known`: the recipients, when
 * the caller has read them already (saves a query); otherwise they are read here.
 */
export async function notify(
  tx: Db,
  ctx: { clock: Clock; config: HubConfig },
  actorId: string | null,
  entries: NotificationInput[],
  known?: readonly NotifiedPerson[],
): Promise<number> {
  const byPerson = new Map<string, NotificationInput>()
  for (const entry of entries) {
    if (entry.personId === actorId || byPerson.has(entry.personId)) continue
    byPerson.set(entry.personId, entry)
  }
  if (byPerson.size === 0) return 0
  const people =
    known?.filter((person) => byPerson.has(person.id)) ??
    (
      await tx
        .selectFrom('person')
        .select(['id', 'email', 'email_preference', 'erased_at'])
        .where('id', 'in', [...byPerson.keys()])
        .execute()
    ).map((p) => ({ id: p.id, email: p.email, emailPreference: p.email_preference, erasedAt: p.erased_at }))
  const now = ctx.clock.now().toISOString()
  const rows = []
  const emails = []
  for (const person of people) {
    if (person.erasedAt) continue
    const entry = byPerson.get(person.id)!
    const emailNow = person.emailPreference === 'immediate' && person.email !== null
    rows.push({
      id: newId(),
      person_id: person.id,
      kind: entry.kind,
      item_type: entry.itemType ?? null,
      item_id: entry.itemId ?? null,
      appg_id: entry.appgId ?? null,
      actor_id: actorId,
      text: entry.text,
      created_at: now,
      read_at: null,
      emailed_at: emailNow ? now : null,
      comment_id: entry.commentId ?? null,
      link_path: entry.path,
      excerpt: entry.excerpt ?? null,
    })
    if (emailNow) emails.push(immediateEmail(person.email!, entry, ctx.config.publicUrl))
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insertInto('notification')
      .values(rows.slice(i, i + CHUNK))
      .execute()
  }
  await queueEmails(tx, ctx.clock, emails)
  return rows.length
}
