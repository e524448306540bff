/**
 * "Download my data" (docs/architecture.md §7): everything the hub holds about the person asking, as JSON.
 * Secrets are left out (the password hash, sign-in and invitation token hashes), as are other
 * people's personal details beyond the names shown beside the person's own activity.
 */
import type { ItemType } from '@appg-hub/db'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { itemKey, NO_ACCESS_TITLE, readableItems } from '../items/readable-set'
import { requireActor } from '../memberships/access'
import { NO_LONGER_ACCESSIBLE } from '../notifications/visible'
import { PERSON_DETAILS } from '../people/person-row'

export const EXPORT_FORMAT = 'appg-hub-personal-data/1'

export async function exportMyData(ctx: ServiceContext) {
  const actor = requireActor(ctx.actor)
  const db = ctx.db
  const me = actor.id
  const [
    person,
    memberships,
    signIns,
    groupInvitesSent,
    groupInvitesAccepted,
    handshakes,
    topics,
    sessions,
    signups,
    documents,
    revisions,
    comments,
    commentEdits,
    follows,
    notifications,
    emails,
    auditEvents,
    filesUploaded,
    contributions,
    publicationRequests,
    publicationConsents,
    topicVisits,
  ] = await Promise.all([
    db.selectFrom('person').select(PERSON_DETAILS).where('id', '=', me).executeTakeFirstOrThrow(),
    db
      .selectFrom('membership')
      .innerJoin('appg', 'appg.id', 'membership.appg_id')
      .select([
        'appg.slug',
        'appg.title',
        'membership.role',
        'membership.register_title',
        'membership.source',
        'membership.created_at',
        'membership.updated_at',
      ])
      .where('membership.person_id', '=', me)
      .orderBy('appg.slug')
      .execute(),
    db
      .selectFrom('auth_session')
      .select(['created_at', 'last_seen_at', 'expires_at', 'absolute_expires_at', 'user_agent'])
      .where('person_id', '=', me)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('group_invite')
      .innerJoin('appg', 'appg.id', 'group_invite.appg_id')
      .select([
        'appg.slug',
        'group_invite.email',
        'group_invite.role',
        'group_invite.created_at',
        'group_invite.expires_at',
        'group_invite.accepted_at',
        'group_invite.revoked_at',
      ])
      .where('group_invite.invited_by', '=', me)
      .orderBy('group_invite.created_at')
      .execute(),
    db
      .selectFrom('group_invite')
      .innerJoin('appg', 'appg.id', 'group_invite.appg_id')
      .select(['appg.slug', 'group_invite.role', 'group_invite.created_at', 'group_invite.accepted_at'])
      .where('group_invite.accepted_by', '=', me)
      .execute(),
    db
      .selectFrom('invitation')
      .select([
        'id',
        'item_type',
        'item_id',
        'status',
        'message',
        'reply',
        'created_at',
        'answered_at',
        'sent_by',
        'answered_by',
      ])
      .where((eb) => eb.or([eb('sent_by', '=', me), eb('answered_by', '=', me)]))
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('topic')
      .select(['id', 'title', 'summary', 'created_at'])
      .where('created_by', '=', me)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('meeting')
      .select(['id', 'title', 'starts_at', 'created_at'])
      .where('created_by', '=', me)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('signup')
      .innerJoin('meeting', 'meeting.id', 'signup.meeting_id')
      .select([
        'meeting.id as meeting_id',
        'meeting.title',
        'meeting.starts_at',
        'signup.status',
        'signup.created_at',
        'signup.updated_at',
      ])
      .where('signup.person_id', '=', me)
      .orderBy('signup.created_at')
      .execute(),
    db
      .selectFrom('document')
      .select(['id', 'title', 'kind', 'created_at'])
      .where('created_by', '=', me)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('revision')
      .select(['document_id', 'number', 'body', 'created_at', 'merged'])
      .where('author_id', '=', me)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('comment')
      .select([
        'id',
        'item_type',
        'item_id',
        'parent_id',
        'body',
        'created_at',
        'edited_at',
        'deleted_at',
        'hidden_at',
        'hidden_reason',
      ])
      .where('author_id', '=', me)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('comment_edit')
      .innerJoin('comment', 'comment.id', 'comment_edit.comment_id')
      .select(['comment_edit.comment_id', 'comment_edit.body', 'comment_edit.edited_at'])
      .where('comment.author_id', '=', me)
      .orderBy('comment_edit.edited_at')
      .execute(),
    db
      .selectFrom('follow')
      .select(['item_type', 'item_id', 'created_at'])
      .where('person_id', '=', me)
      .execute(),
    db
      .selectFrom('notification')
      .select(['kind', 'text', 'item_type', 'item_id', 'created_at', 'read_at', 'emailed_at'])
      .where('person_id', '=', me)
      .orderBy('created_at')
      .execute(),
    actor.email
      ? db
          .selectFrom('email_outbox')
          .select(['subject', 'body_text', 'kind', 'created_at', 'sent_at'])
          .where('to_email', '=', actor.email)
          .orderBy('created_at')
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom('audit_event')
      .select(['at', 'action', 'item_type', 'item_id', 'details'])
      .where('actor_id', '=', me)
      .orderBy('at')
      .execute(),
    // The files' details, not their bytes: those are downloaded from the items they belong to.
    db
      .selectFrom('attachment')
      .select([
        'id',
        'item_type',
        'item_id',
        'name',
        'size',
        'media_type',
        'sha256',
        'version',
        'created_at',
        'deleted_at',
      ])
      .where('uploaded_by', '=', me)
      .orderBy('created_at')
      .execute(),
    // Revisions written from the live editor that hold this person's edits (0007-collab).
    db
      .selectFrom('revision_contributor as c')
      .innerJoin('revision as r', 'r.id', 'c.revision_id')
      .select(['r.document_id', 'r.number', 'r.created_at'])
      .where('c.person_id', '=', me)
      .orderBy('r.created_at')
      .execute(),
    db
      .selectFrom('publication_request')
      .select([
        'id',
        'item_type',
        'item_id',
        'status',
        'requested_by',
        'decided_by',
        'reason',
        'created_at',
        'decided_at',
      ])
      .where((eb) => eb.or([eb('requested_by', '=', me), eb('decided_by', '=', me)]))
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('publication_consent')
      .select(['request_id', 'at'])
      .where('person_id', '=', me)
      .orderBy('at')
      .execute(),
    db.selectFrom('topic_visit').select(['topic_id', 'seen_at']).where('person_id', '=', me).execute(),
  ])
  await audit(db, ctx.clock, { actorId: me, action: 'account.data_exported', details: {} })
  // Items' live words (titles, summaries, times) only for items the person may still read.
  const readable = await readableItems(db, actor, [
    ...topics.map((t) => ({ type: 'topic' as const, id: t.id })),
    ...sessions.map((m) => ({ type: 'meeting' as const, id: m.id })),
    ...signups.map((s) => ({ type: 'meeting' as const, id: s.meeting_id })),
    ...documents.map((d) => ({ type: 'document' as const, id: d.id })),
    ...notifications.flatMap((n) => (n.item_type && n.item_id ? [{ type: n.item_type, id: n.item_id }] : [])),
  ])
  const may = (type: ItemType, id: string) => readable.has(itemKey(type, id))
  return {
    format: EXPORT_FORMAT,
    exportedAt: ctx.clock.now().toISOString(),
    person,
    memberships,
    signIns,
    groupInvitations: { sent: groupInvitesSent, accepted: groupInvitesAccepted },
    jointWorkInvitations: handshakes.map((h) => ({ ...h, mine: h.sent_by === me ? 'sent' : 'answered' })),
    topicsCreated: topics.map((t) =>
      may('topic', t.id) ? t : { ...t, title: NO_ACCESS_TITLE, summary: null },
    ),
    sessionsCreated: sessions.map((m) =>
      may('meeting', m.id) ? m : { ...m, title: NO_ACCESS_TITLE, starts_at: null },
    ),
    signups: signups.map((s) =>
      may('meeting', s.meeting_id) ? s : { ...s, title: NO_ACCESS_TITLE, starts_at: null },
    ),
    documentsCreated: documents.map((d) => (may('document', d.id) ? d : { ...d, title: NO_ACCESS_TITLE })),
    revisionsAuthored: revisions.map((r) => ({ ...r, merged: r.merged === 1 })),
    liveRevisionsContributedTo: contributions,
    comments: comments.map((c) => ({
      ...c,
      earlierVersions: commentEdits.filter((e) => e.comment_id === c.id),
    })),
    follows,
    notifications: notifications.map((n) =>
      !n.item_type || !n.item_id || may(n.item_type, n.item_id) ? n : { ...n, text: NO_LONGER_ACCESSIBLE },
    ),
    emails,
    auditEvents: auditEvents.map((e) => ({ ...e, details: JSON.parse(e.details) as unknown })),
    filesUploaded,
    publicationRequests: publicationRequests.map(({ requested_by, decided_by, ...r }) => ({
      ...r,
      mine: [requested_by === me && 'asked', decided_by === me && 'decided'].filter(Boolean),
    })),
    publicationConsents,
    topicVisits,
  }
}
