import type { Db } from '@appg-hub/db'
import { MAX_TOPIC_TAGS, type TOPIC_STATUSES } from '@appg-hub/schemas'
import { badRequest } from '../errors'

export { MAX_TOPIC_TAGS, TOPIC_STATUSES } from '@appg-hub/schemas'

export type TopicStatus = (typeof TOPIC_STATUSES)[number]

/**
 * Topic tags are the Register's category tags (so that a topic meets the groups that carry the
 * same ones): duplicates are dropped, and a tag no group carries is refused. One query.
 */
export async function checkTags(db: Db, tags: string[]): Promise<string[]> {
  const wanted = [...new Set(tags.map((t) => t.trim()).filter(Boolean))]
  if (wanted.length > MAX_TOPIC_TAGS) throw badRequest(`Choose at most ${MAX_TOPIC_TAGS} categories.`, 'tags')
  if (wanted.length === 0) return []
  const known = await db.selectFrom('appg_tag').select('tag').distinct().where('tag', 'in', wanted).execute()
  const knownSet = new Set(known.map((k) => k.tag))
  const unknown = wanted.filter((t) => !knownSet.has(t))
  if (unknown.length) throw badRequest(`Not a Register category: ${unknown.join(', ')}.`, 'tags')
  return wanted.sort()
}

export function parseTags(value: string): string[] {
  try {
    const tags = JSON.parse(value) as unknown
    return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : []
  } catch {
    return []
  }
}
