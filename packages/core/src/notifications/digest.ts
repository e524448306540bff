/**
 * The daily digest: for each person who asked for one, every notification not yet emailed goes
 * into one email, and is marked emailed. Run once a day (`pnpm hub send-digests`).
 */
import type { Db } from '@appg-hub/db'
import { audit } from '../audit'
import type { Clock } from '../clock'
import type { HubConfig } from '../context'
import { queueEmails } from '../outbox'
import { type DigestEntry, digestEmail } from './email'
import { visibleExcerpt, visibleHeadline, withCommentState } from './visible'

/** At most this many notifications per run; a larger backlog is sent by the next run. */
const MAX_PER_RUN = 5000

export interface DigestReport {
  people: number
  notifications: number
}

/** Three statements whatever the number of people: read, mark, queue (plus the audit event). */
export async function sendDigests(
  db: Db,
  clock: Clock,
  config: Pick<HubConfig, 'publicUrl'>,
): Promise<DigestReport> {
  const rows = await withCommentState(
    db
      .selectFrom('notification as n')
      .innerJoin('person as recipient', 'recipient.id', 'n.person_id')
      .select([
        'n.id',
        'n.person_id',
        'n.text',
        'n.excerpt',
        'n.comment_id',
        'n.item_id',
        'n.link_path',
        'n.created_at',
        'recipient.email',
        'recipient.is_site_admin',
      ])
      .where('n.emailed_at', 'is', null)
      .where('recipient.email_preference', '=', 'digest')
      .where('recipient.email', 'is not', null)
      .where('recipient.erased_at', 'is', null),
  )
    .orderBy('n.person_id')
    .orderBy('n.created_at')
    .orderBy('n.id')
    .limit(MAX_PER_RUN)
    .execute()
  if (rows.length === 0) return { people: 0, notifications: 0 }

  const byPerson = new Map<string, { email: string; entries: DigestEntry[] }>()
  for (const row of rows) {
    const person = byPerson.get(row.person_id) ?? { email: row.email!, entries: [] }
    const headline = visibleHeadline(row, Number(row.is_site_admin) === 1)
    person.entries.push({
      text: headline.text,
      excerpt: visibleExcerpt(row, Number(row.is_site_admin) === 1),
      path: headline.path,
      createdAt: row.created_at,
    })
    byPerson.set(row.person_id, person)
  }
  const now = clock.now().toISOString()
  const ids = rows.map((r) => r.id)
  await db.transaction().execute(async (tx) => {
    let marked = 0
    for (let i = 0; i < ids.length; i += 500) {
      const result = await tx
        .updateTable('notification')
        .set({ emailed_at: now })
        .where('id', 'in', ids.slice(i, i + 500))
        .where('emailed_at', 'is', null)
        .executeTakeFirst()
      marked += Number(result.numUpdatedRows)
    }
    // Another run got there first: send nothing rather than a second copy.
    if (marked !== ids.length)
      throw new Error('Another digest run is under way; nothing was sent by this one.')
    await queueEmails(
      tx,
      clock,
      [...byPerson.values()].map((p) => digestEmail(p.email, p.entries, config.publicUrl)),
    )
    await audit(tx, clock, {
      actorId: null,
      action: 'notification.digests_sent',
      details: { people: byPerson.size, notifications: rows.length },
    })
  })
  return { people: byPerson.size, notifications: rows.length }
}
