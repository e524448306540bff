/** Reading one session: everything its page shows above the discussion, in one query. */

import { jsonAgg, parseJsonArray, type Visibility } from '@appg-hub/db'
import { sql } from 'kysely'
import type { ServiceContext } from '../context'
import { notFound } from '../errors'
import { assertCan, readableBy } from '../items/access'
import { linksDocumentWith } from '../items/links'
import { isActive, itemFromRow, participantsOf } from '../items/load'
import { type PendingInvitationView, pendingInvitationsFrom, pendingInvitationsOf } from '../items/pending'
import { groupCan, ownerCan } from '../items/powers'
import { itemReadableBy } from '../links/readable'
import { renderMarkdown } from '../markdown'
import { can } from '../policy'
import { chosenVisibility, minutesBetween, type SessionStatus } from './load'
import { agendaSpeakers, noticeText, noticeWarning } from './notice'
import type { MySignup, SignupStatus } from './signups'

/** The database's own order for ids and times (binary collation), not the locale's. */
function byBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export interface LinkedDocument {
  /** Null, with the title and kind, when the caller may not read the document. */
  documentId: string | null
  title: string | null
  kind: string | null
  linkType: string
  restricted: boolean
}

export interface AgendaItemView {
  id: string
  position: number
  title: string
  speakers: string | null
  durationMinutes: number
  notes: string | null
}

export interface SessionView {
  id: string
  title: string
  description: string
  descriptionHtml: string
  /** UTC, ISO 8601; the client shows them in Europe/London. */
  startsAt: string
  endsAt: string
  place: string | null
  onlineUrl: string | null
  /** The visibility the hosts chose; a draft is seen by the host groups only until scheduled. */
  visibility: Visibility
  capacity: number | null
  status: SessionStatus
  cancelReason: string | null
  sequence: number
  topic: { id: string; title: string } | null
  owner: { slug: string; title: string }
  cohosts: { slug: string; title: string; joinedAt: string }[]
  pendingInvitations: PendingInvitationView[]
  agenda: AgendaItemView[]
  agendaMinutes: number
  sessionMinutes: number
  counts: { going: number; maybe: number; notGoing: number; waitlist: number; interest: number }
  placesLeft: number | null
  mySignup: MySignup | null
  /** The draft notice for the All-Party Notices (hosts only), and the week's-notice warning. */
  notice: string | null
  noticeWarning: string | null
  minutes: { documentId: string; title: string }[]
  /** Documents linked to the session (minutes, briefings, agendas, references), once each. */
  documents: LinkedDocument[]
  /** Held, no minutes yet, and the caller may attach them. */
  minutesPrompt: boolean
  createdBy: { id: string; name: string }
  createdAt: string
  updatedAt: string
  can: {
    edit: boolean
    editAgenda: boolean
    changeVisibility: boolean
    schedule: boolean
    cancel: boolean
    markHeld: boolean
    invite: boolean
    comment: boolean
    moderate: boolean
    signUp: boolean
    seeSignups: boolean
    attachMinutes: boolean
    registerInterest: boolean
  }
}

/**
 * The session with its groups, agenda, counts, my sign-up and its linked documents in one query.
 * NOT_FOUND when the caller may not read it.
 */
export async function getSession(ctx: ServiceContext, id: string): Promise<SessionView> {
  const { db, actor } = ctx
  const now = ctx.clock.now()
  const nowIso = now.toISOString()
  const row = await db
    .selectFrom('meeting')
    .innerJoin('person as creator', 'creator.id', 'meeting.created_by')
    .innerJoin('appg as ownerGroup', 'ownerGroup.id', 'meeting.appg_id')
    .selectAll('meeting')
    .select((eb) => [
      'creator.display_name as creatorName',
      'ownerGroup.registered_contact_name as contactName',
      'ownerGroup.registered_contact_email as contactEmail',
      'ownerGroup.public_enquiry_point_name as enquiryName',
      'ownerGroup.public_enquiry_point_email as enquiryEmail',
      participantsOf(db, 'meeting', 'meeting.id', actor).as('participants'),
      eb
        .selectFrom('topic')
        .select(jsonAgg(db, { id: 'topic.id', title: 'topic.title' }).as('t'))
        .where('topic.id', '=', sql.ref<string>('meeting.topic_id'))
        .where((t) => readableBy(t as never, actor, 'topic', 'topic.id', 'topic.visibility'))
        .as('topic'),
      eb
        .selectFrom('agenda_item')
        .select(
          jsonAgg(db, {
            id: 'agenda_item.id',
            position: 'agenda_item.position',
            title: 'agenda_item.title',
            speakers: 'agenda_item.speakers',
            durationMinutes: 'agenda_item.duration_minutes',
            notes: 'agenda_item.notes',
          }).as('a'),
        )
        .where('agenda_item.meeting_id', '=', sql.ref<string>('meeting.id'))
        .as('agenda'),
      pendingInvitationsOf(db, 'meeting', 'meeting.id', nowIso).as('pending'),
      eb
        .selectFrom('signup')
        .select(
          jsonAgg(db, {
            status: 'signup.status',
            n: 'signup.id',
            at: 'signup.updated_at',
            person: 'signup.person_id',
          }).as('s'),
        )
        .where('signup.meeting_id', '=', sql.ref<string>('meeting.id'))
        .where('signup.status', 'in', ['going', 'maybe', 'not_going', 'waitlist', 'interest'])
        .as('signups'),
      // The linked documents, with whether the caller may read each (titles are shown only then).
      eb
        .selectFrom('link')
        .innerJoin('document', (join) =>
          join.on((j) =>
            linksDocumentWith(
              j as never,
              { link: 'link', document: 'document' },
              { type: 'meeting', id: sql.ref<string>('meeting.id') },
            ),
          ),
        )
        .select((l) =>
          jsonAgg(db, {
            id: 'document.id',
            title: 'document.title',
            kind: 'document.kind',
            link_type: 'link.link_type',
            created_at: 'link.created_at',
            link_id: 'link.id',
            readable: l
              .case()
              .when(itemReadableBy(l as never, actor, 'document', 'document'))
              .then(1)
              .else(0)
              .end(),
          }).as('d'),
        )
        .as('linked'),
    ])
    .where('meeting.id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound('That session')
  const item = itemFromRow(actor, 'meeting', row)
  const access = item.access
  assertCan(access, 'item.read', 'That session', '')

  // Every document linked to the session, either way (minutes, briefings, agendas, references),
  // once each; one the caller may not read shows without its title (DESIGN §3).
  const linkedRows = parseJsonArray<{
    id: string
    title: string
    kind: string
    link_type: string
    created_at: string
    link_id: string
    readable: number | string
  }>(row.linked).sort((a, b) => byBytes(a.created_at, b.created_at) || byBytes(a.link_id, b.link_id))
  const documents: LinkedDocument[] = []
  const seenDocuments = new Set<string>()
  for (const d of linkedRows) {
    if (seenDocuments.has(d.id)) continue
    seenDocuments.add(d.id)
    const readable = Number(d.readable) === 1
    documents.push(
      readable
        ? { documentId: d.id, title: d.title, kind: d.kind, linkType: d.link_type, restricted: false }
        : { documentId: null, title: null, kind: null, linkType: d.link_type, restricted: true },
    )
  }
  const minutes = linkedRows
    .filter((d) => d.link_type === 'minutes_of' && Number(d.readable) === 1)
    .filter((d, i, all) => all.findIndex((x) => x.id === d.id) === i)

  const agenda = parseJsonArray<AgendaItemView>(row.agenda)
    .map((a) => ({ ...a, position: Number(a.position), durationMinutes: Number(a.durationMinutes) }))
    .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))
  const signups = parseJsonArray<{ status: SignupStatus; n: string; at: string; person: string | null }>(
    row.signups,
  )
  const counted = (s: SignupStatus) => signups.filter((x) => x.status === s).length
  const waiting = signups
    .filter((s) => s.status === 'waitlist')
    .sort((a, b) => a.at.localeCompare(b.at) || a.n.localeCompare(b.n))
  const mine = actor ? signups.find((s) => s.person === actor.id) : undefined
  const capacity = row.capacity === null ? null : Number(row.capacity)
  const going = counted('going')
  const isHost = can(access, 'item.edit')
  const active = isActive('meeting', row.status)
  const participants = item.participants
  const cohosts = participants.filter((p) => !p.isOwner)
  const visibility = chosenVisibility(row)
  const topic = parseJsonArray<{ id: string; title: string }>(row.topic)[0] ?? null
  const contact =
    row.contactName || row.contactEmail
      ? { name: row.contactName, email: row.contactEmail }
      : row.enquiryName || row.enquiryEmail
        ? { name: row.enquiryName, email: row.enquiryEmail }
        : null
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    descriptionHtml: renderMarkdown(row.description).html,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    onlineUrl: row.online_url,
    visibility,
    capacity,
    status: row.status,
    cancelReason: row.cancel_reason,
    sequence: Number(row.sequence),
    topic,
    owner: { slug: item.owner.slug, title: item.owner.title },
    cohosts: cohosts.map((p) => ({ slug: p.slug, title: p.title, joinedAt: p.joinedAt })),
    pendingInvitations: participants.some((p) => groupCan(access, p.appgId, 'item.invite'))
      ? pendingInvitationsFrom(row.pending)
      : [],
    agenda,
    agendaMinutes: agenda.reduce((sum, a) => sum + a.durationMinutes, 0),
    sessionMinutes: minutesBetween(row.starts_at, row.ends_at),
    counts: {
      going,
      maybe: counted('maybe'),
      notGoing: counted('not_going'),
      waitlist: waiting.length,
      interest: counted('interest'),
    },
    placesLeft: capacity === null ? null : Math.max(0, capacity - going),
    mySignup: mine
      ? {
          status: mine.status,
          waitlistPosition: mine.status === 'waitlist' ? waiting.findIndex((w) => w.n === mine.n) + 1 : null,
        }
      : null,
    notice: isHost
      ? noticeText({
          title: row.title,
          startsAt: row.starts_at,
          endsAt: row.ends_at,
          place: row.place,
          onlineUrl: row.online_url,
          groups: participants.map((p) => p.title),
          contact,
          speakers: agendaSpeakers(agenda),
        })
      : null,
    noticeWarning: isHost ? noticeWarning(visibility, row.status, row.starts_at, now) : null,
    minutes: minutes.map((m) => ({ documentId: m.id, title: m.title })),
    documents,
    minutesPrompt: row.status === 'held' && minutes.length === 0 && isHost,
    createdBy: { id: row.created_by, name: row.creatorName },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: {
      edit: active && ownerCan(access, 'item.edit'),
      editAgenda: active && isHost,
      changeVisibility: active && ownerCan(access, 'item.invite'),
      schedule: row.status === 'draft' && ownerCan(access, 'item.invite'),
      cancel: active && ownerCan(access, 'item.invite'),
      markHeld: row.status === 'scheduled' && row.starts_at <= nowIso && ownerCan(access, 'item.invite'),
      invite: active && ownerCan(access, 'item.invite'),
      comment: actor !== null && active && can(access, 'item.comment'),
      moderate: ownerCan(access, 'comment.moderate'),
      signUp: actor !== null && row.status === 'scheduled',
      seeSignups: isHost,
      attachMinutes: row.status === 'held' && isHost,
      registerInterest: actor === null && row.status === 'scheduled' && access.isPublic,
    },
  }
}
