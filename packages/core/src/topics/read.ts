/** Reading one topic: everything its page shows above the discussion, in one query. */

import { jsonAgg, parseJsonArray } from '@appg-hub/db'
import { sql } from 'kysely'
import type { ServiceContext } from '../context'
import { notFound } from '../errors'
import { assertCan } from '../items/access'
import { isActive, itemFromRow, participantsOf } from '../items/load'
import { type PendingInvitationView, pendingInvitationsFrom, pendingInvitationsOf } from '../items/pending'
import { groupCan, ownerCan } from '../items/powers'
import { type LinkView, linkHostsOf, linkRowsOf, linksFromJson, onePerItem } from '../links/list'
import { renderMarkdown } from '../markdown'
import { can } from '../policy'
import { parseTags } from './fields'

export interface TopicView {
  id: string
  title: string
  summary: string
  summaryHtml: string
  tags: string[]
  visibility: 'participants' | 'public'
  status: 'open' | 'closed' | 'archived'
  owner: { slug: string; title: string }
  partners: { slug: string; title: string; joinedAt: string }[]
  pendingInvitations: PendingInvitationView[]
  /** Names for participants only (empty for others); the count for everyone who reads the topic. */
  followers: { id: string; name: string }[]
  followerCount: number
  following: boolean
  /**
   * Documents and sessions linked to the topic, either way (`direction`); one the viewer may not
   * read shows as restricted, without its title.
   */
  links: LinkView[]
  createdBy: { id: string; name: string }
  createdAt: string
  lastActivityAt: string
  can: {
    comment: boolean
    edit: boolean
    invite: boolean
    moderate: boolean
    follow: boolean
    /** Slugs of the partner groups the actor may take out of the topic. */
    leave: string[]
    /** Whether the actor may remove partner groups (an officer of the owner group). */
    remove: boolean
  }
}

/**
 * The topic with its groups, followers and open invitations: one query. NOT_FOUND when the
 * caller may not read it. Followers are shown to members of participant groups only, and open
 * invitations to their officers only.
 */
export async function getTopic(ctx: ServiceContext, id: string): Promise<TopicView> {
  const { db, actor } = ctx
  const now = ctx.clock.now().toISOString()
  const row = await db
    .selectFrom('topic')
    .innerJoin('person as creator', 'creator.id', 'topic.created_by')
    .select((eb) => [
      'topic.id',
      'topic.title',
      'topic.summary',
      'topic.tags',
      'topic.visibility',
      'topic.status',
      'topic.created_at',
      'topic.last_activity_at',
      'creator.id as creatorId',
      'creator.display_name as creatorName',
      participantsOf(db, 'topic', 'topic.id', actor).as('participants'),
      linkRowsOf(db, actor, 'topic', sql.ref<string>('topic.id')).as('links'),
      linkHostsOf(db, 'topic', sql.ref<string>('topic.id')).as('linkHosts'),
      eb
        .selectFrom('follow')
        .innerJoin('person', 'person.id', 'follow.person_id')
        .select(
          jsonAgg(db, { id: 'person.id', name: 'person.display_name', at: 'follow.created_at' }).as(
            'followers',
          ),
        )
        .where('follow.item_type', '=', 'topic')
        .where('follow.item_id', '=', sql.ref<string>('topic.id'))
        .where('person.erased_at', 'is', null)
        .as('followers'),
      pendingInvitationsOf(db, 'topic', 'topic.id', now).as('pending'),
    ])
    .where('topic.id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound('That topic')
  const item = itemFromRow(actor, 'topic', row)
  const access = item.access
  assertCan(access, 'item.read', 'That topic', '')

  const isParticipantMember = access.role !== null || access.isSiteAdmin
  const isParticipantOfficer = item.participants.some((p) => groupCan(access, p.appgId, 'item.invite'))
  const active = isActive('topic', row.status)
  const followers = parseJsonArray<{ id: string; name: string; at: string }>(row.followers).sort(
    (a, b) => a.at.localeCompare(b.at) || a.name.localeCompare(b.name),
  )
  const partners = item.participants.filter((p) => !p.isOwner)
  const linked = linksFromJson('topic', row.id, row.links, row.linkHosts)
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    summaryHtml: renderMarkdown(row.summary).html,
    tags: parseTags(row.tags),
    visibility: row.visibility,
    status: row.status,
    owner: { slug: item.owner.slug, title: item.owner.title },
    partners: partners.map((p) => ({ slug: p.slug, title: p.title, joinedAt: p.joinedAt })),
    pendingInvitations: isParticipantOfficer ? pendingInvitationsFrom(row.pending) : [],
    // Who follows is for the participants; how many follow is shown to everyone who can read it.
    followers: isParticipantMember ? followers.map(({ id, name }) => ({ id, name })) : [],
    followerCount: followers.length,
    following: actor ? followers.some((f) => f.id === actor.id) : false,
    links: onePerItem([...linked.links, ...linked.backlinks]),
    createdBy: { id: row.creatorId, name: row.creatorName },
    createdAt: row.created_at,
    lastActivityAt: row.last_activity_at,
    can: {
      comment: active && can(access, 'item.comment'),
      edit: ownerCan(access, 'item.edit'),
      invite: active && ownerCan(access, 'item.invite'),
      moderate: ownerCan(access, 'comment.moderate'),
      follow: actor !== null,
      leave: partners.filter((p) => groupCan(access, p.appgId, 'item.invite')).map((p) => p.slug),
      remove: partners.length > 0 && ownerCan(access, 'item.invite'),
    },
  }
}
