/** Groups likely to share a topic's interest, best first, each with the reasons why. */
import { jsonAgg, parseJsonArray } from '@appg-hub/db'
import { MAX_SUGGESTIONS } from '@appg-hub/schemas'
import { sql } from 'kysely'
import type { ServiceContext } from '../context'
import { notFound } from '../errors'
import { assertCan } from '../items/access'
import { itemFromRow, participantsOf } from '../items/load'
import { parseTags } from '../topics/fields'
import { corpusAt, corpusRows, corpusStamp, hasCorpus } from './corpus'
import { scoreGroups } from './score'

export { MAX_SUGGESTIONS } from '@appg-hub/schemas'

export const DEFAULT_SUGGESTIONS = 10

export interface PartnerSuggestion {
  slug: string
  title: string
  score: number
  reasons: string[]
}

/**
 * For anyone who may read the topic. Leaves out the groups already in it and those invited and
 * still to answer. One query while the groups are unchanged (the topic, with the corpus's
 * fingerprint) or when there is no corpus yet (the groups come with it); one more to rebuild the
 * corpus when the groups have changed since it was built.
 */
export async function suggestPartners(
  ctx: ServiceContext,
  input: { id: string; limit?: number },
): Promise<PartnerSuggestion[]> {
  const now = ctx.clock.now().toISOString()
  const stamp = corpusStamp(ctx.db)
  // No corpus yet (a fresh process): the groups come with the topic, to build the first one.
  const cold = !hasCorpus(ctx.db)
  const row = await ctx.db
    .selectFrom('topic')
    .select((eb) => [
      'topic.id',
      'topic.title',
      'topic.summary',
      'topic.tags',
      'topic.visibility',
      'topic.status',
      participantsOf(ctx.db, 'topic', 'topic.id', ctx.actor).as('participants'),
      eb
        .selectFrom('invitation')
        .select(jsonAgg(ctx.db, { appgId: 'invitation.to_appg_id' }).as('invited'))
        .where('invitation.item_type', '=', 'topic')
        .where('invitation.item_id', '=', sql.ref<string>('topic.id'))
        .where('invitation.status', '=', 'pending')
        .where('invitation.expires_at', '>', now)
        .as('invited'),
      stamp.corpusGroups.as('corpusGroups'),
      stamp.corpusUpdated.as('corpusUpdated'),
      stamp.corpusTags.as('corpusTags'),
      (cold ? corpusRows(ctx.db) : sql<null>`null`).as('corpusRows'),
    ])
    .where('topic.id', '=', input.id)
    .executeTakeFirst()
  if (!row) throw notFound('That topic')
  const item = itemFromRow(ctx.actor, 'topic', row)
  assertCan(item.access, 'item.read', 'That topic', '')
  const exclude = new Set([
    ...item.participants.map((p) => p.appgId),
    ...parseJsonArray<{ appgId: string }>(row.invited).map((i) => i.appgId),
  ])
  const corpus = await corpusAt(ctx.db, row, cold ? row.corpusRows : undefined)
  const limit = Math.min(Math.max(input.limit ?? DEFAULT_SUGGESTIONS, 1), MAX_SUGGESTIONS)
  return scoreGroups(corpus, { title: row.title, summary: row.summary, tags: parseTags(row.tags) }, exclude)
    .slice(0, limit)
    .map((s) => ({
      slug: s.group.slug,
      title: s.group.title,
      score: Math.round(s.score * 1000) / 1000,
      reasons: s.reasons,
    }))
}
