/**
 * The database as Kysely sees it. One interface per table, mirroring the migrations.
 *
 * Portable conventions (docs/architecture.md §5): ids are application-generated strings, timestamps are
 * ISO-8601 UTC strings (`2026-06-29T10:00:00.000Z`, which sort correctly as text), flags are
 * integers 0/1, and lists are JSON text. Values are normalised to these shapes at the driver
 * boundary (see `dialects/`), so the rest of the code sees the same thing on every database.
 */

import type { ColumnType } from 'kysely'

export type Role = 'chair' | 'officer' | 'secretariat' | 'member' | 'observer'
export type PersonKind = 'mp' | 'peer' | 'staff' | 'secretariat' | 'other'
export type ItemType = 'topic' | 'meeting' | 'document'
export type Visibility = 'participants' | 'public'
export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'expired'
export type EmailPreference = 'immediate' | 'digest' | 'none'

export interface PersonTable {
  id: string
  email: string | null
  display_name: string
  kind: PersonKind
  organisation: string | null
  party: string | null
  mnis_id: string | null
  twfy_id: string | null
  /** How the Register import recognises this person across editions (mnis id or normalised name). */
  register_key: string | null
  password_hash: string | null
  is_site_admin: number
  email_preference: EmailPreference
  created_at: string
  updated_at: string
  erased_at: string | null
  /** SHA-256 of the secret in the address of the person's calendar feed, or null (none). */
  calendar_token_hash: ColumnType<string | null, string | null | undefined, string | null>
  /** 1 when the person chose to be listed on public group pages as taking part on the hub. */
  list_publicly: ColumnType<number, number | undefined, number>
}

export interface AppgTable {
  id: string
  slug: string
  title: string
  purpose: string | null
  category: string | null
  registered_contact_name: string | null
  registered_contact_address: string | null
  registered_contact_email: string | null
  public_enquiry_point_name: string | null
  public_enquiry_point_email: string | null
  secretariat: string | null
  website_url: string | null
  agm_date: string | null
  agm_statement_published: number | null
  agm_reporting_year: string | null
  agm_next_deadline: string | null
  registrable_benefits: string | null
  /** 'registered' while the latest imported edition lists the group, else 'deregistered'. */
  status: 'registered' | 'deregistered'
  register_edition: string | null
  source_url: string | null
  created_at: string
  updated_at: string
}

export interface AppgTagTable {
  appg_id: string
  tag: string
}

export interface BenefitTable {
  id: string
  appg_id: string
  source: string | null
  description: string | null
  value_band: string | null
  received: string | null
  registered: string | null
  benefit_type: string | null
  position: number
}

export interface MembershipTable {
  id: string
  person_id: string
  appg_id: string
  role: Role
  /** The role as the Register words it ("Vice Chair", "Treasurer"), when it came from there. */
  register_title: string | null
  /** Where the membership came from: 'register', 'members_list', 'invitation', 'demo', 'admin'. */
  source: string
  created_at: string
  updated_at: string
}

export interface SignInTable {
  /** SHA-256 of the secret token, hex. The token itself is never stored. */
  id: string
  person_id: string
  created_at: string
  last_seen_at: string
  expires_at: string
  absolute_expires_at: string
  user_agent: string | null
}

export interface GroupInviteTable {
  id: string
  appg_id: string
  email: string
  role: Role
  token_hash: string
  invited_by: string
  created_at: string
  expires_at: string
  accepted_at: string | null
  accepted_by: string | null
  revoked_at: string | null
  /** The Register person the invitation is addressed to (accepting links the account to them), or null. */
  register_person_id: ColumnType<string | null, string | null | undefined, string | null>
}

export interface TopicTable {
  id: string
  appg_id: string
  title: string
  summary: string
  tags: string
  visibility: Visibility
  status: 'open' | 'closed' | 'archived'
  created_by: string
  created_at: string
  updated_at: string
  last_activity_at: string
}

/** The groups taking part in an item: its owner and the groups that accepted an invitation. */
export interface ParticipantTable {
  item_type: ItemType
  item_id: string
  appg_id: string
  is_owner: number
  joined_at: string
}

/** The handshake between groups (docs/architecture.md §2), one mechanism for topics, sessions and documents. */
export interface InvitationTable {
  id: string
  item_type: ItemType
  item_id: string
  from_appg_id: string
  to_appg_id: string
  message: string | null
  reply: string | null
  status: InvitationStatus
  /** `item_type:item_id:to_appg_id` while pending, else null: a unique index keeps one pending invitation per item and group. */
  pending_key: string | null
  sent_by: string
  answered_by: string | null
  created_at: string
  answered_at: string | null
  expires_at: string
}

/** A co-hosted session; called "meeting" here so that it is never confused with a sign-in session. */
export interface SessionTable {
  id: string
  appg_id: string
  topic_id: string | null
  title: string
  description: string
  starts_at: string
  ends_at: string
  place: string | null
  online_url: string | null
  visibility: Visibility
  capacity: number | null
  status: 'draft' | 'scheduled' | 'cancelled' | 'held'
  cancel_reason: string | null
  /** iCalendar SEQUENCE, raised on every change. */
  sequence: number
  /**
   * The visibility chosen by the hosts. `visibility` (what access checks read) stays
   * 'participants' while the session is a draft and takes this value once it is scheduled.
   */
  intended_visibility: ColumnType<Visibility | null, Visibility | null | undefined, Visibility | null>
  /** 1 when the session's hosts are its topic's participant groups, present and future (0010). */
  shares_topic: ColumnType<number, number | undefined, number>
  created_by: string
  created_at: string
  updated_at: string
}

export interface AgendaItemTable {
  id: string
  meeting_id: string
  position: number
  title: string
  speakers: string | null
  duration_minutes: number
  notes: string | null
}

export interface SignupTable {
  id: string
  meeting_id: string
  person_id: string | null
  name: string | null
  email: string | null
  status: 'going' | 'maybe' | 'not_going' | 'waitlist' | 'interest_unconfirmed' | 'interest'
  confirm_token_hash: string | null
  created_at: string
  updated_at: string
}

export interface DocumentTable {
  id: string
  appg_id: string
  kind: 'briefing' | 'report' | 'minutes' | 'work_programme' | 'notes'
  title: string
  status: 'draft' | 'published'
  visibility: Visibility
  head_revision_id: string | null
  head_number: number
  /** The topic whose space the document belongs to (0010). */
  topic_id: ColumnType<string | null, string | null | undefined, string | null>
  /** 1 when its co-authors are its topic's participant groups, present and future (0010). */
  shares_topic: ColumnType<number, number | undefined, number>
  /** The approved revision the public reads while published; later saves are a working draft (0010). */
  published_revision_id: ColumnType<string | null, string | null | undefined, string | null>
  created_by: string
  created_at: string
  updated_at: string
}

export interface RevisionTable {
  id: string
  document_id: string
  number: number
  body: string
  author_id: string
  base_revision_id: string | null
  /** 1 when the server merged this save with revisions made meanwhile. */
  merged: number
  created_at: string
  /** The note given with "Save version" in the live editor (0007-collab). */
  note: string | null
}

/** Who contributed edits to a revision written from the live editor (0007-collab). */
export interface RevisionContributorTable {
  revision_id: string
  person_id: string
}

/** A live document's compacted Yjs state, base64 (0007-collab). */
export interface CollabStateTable {
  document_id: string
  state: string
  synced_revision_id: string
  synced_state: string
  /** JSON array of person ids whose edits are not yet in a revision. */
  pending_contributors: string
  updated_at: string
}

/** Yjs updates accepted since the compacted state, base64 (0007-collab). */
export interface CollabUpdateTable {
  document_id: string
  seq: number
  update_data: string
  person_id: string
  created_at: string
}

export interface LinkTable {
  id: string
  from_type: ItemType
  from_id: string
  to_type: ItemType
  to_id: string
  link_type: 'briefing_for' | 'minutes_of' | 'references' | 'supersedes'
  /** 'explicit' when made by hand, 'markdown' when found in a body. */
  origin: 'explicit' | 'markdown'
  created_by: string
  created_at: string
}

/** Who has a document open in the editor: touched by a polled call, entries older than 30 s ignored. */
export interface DocumentPresenceTable {
  document_id: string
  person_id: string
  last_seen_at: string
}

export interface CommentTable {
  id: string
  item_type: ItemType
  item_id: string
  parent_id: string | null
  author_id: string
  body: string
  created_at: string
  edited_at: string | null
  deleted_at: string | null
  hidden_at: string | null
  hidden_by: string | null
  hidden_reason: string | null
}

export interface CommentEditTable {
  id: string
  comment_id: string
  /** The text as it was before this edit. */
  body: string
  edited_at: string
}

export interface FollowTable {
  person_id: string
  item_type: ItemType
  item_id: string
  created_at: string
}

export interface NotificationTable {
  id: string
  person_id: string
  kind: string
  item_type: ItemType | null
  item_id: string | null
  appg_id: string | null
  actor_id: string | null
  text: string
  created_at: string
  read_at: string | null
  /** Set when the notification went out by email (at once, or in a digest); null until then. */
  emailed_at: string | null
  /** The comment it is about, so that its words can be withheld once moderators hide it. */
  comment_id: string | null
  /** Where the client shows its subject: `/topics/<id>#comment-<cid>`, `/groups/<slug>/invitations`. */
  link_path: string | null
  /** A few words of the comment, message or reply it reports; shown beside `text`. */
  excerpt: string | null
}

export interface EmailOutboxTable {
  id: string
  to_email: string
  subject: string
  body_text: string
  kind: string
  created_at: string
  sent_at: string | null
  attempts: number
  last_error: string | null
}

/** Append-only record of who did what to which item of which group. */
export interface AuditEventTable {
  id: string
  at: string
  actor_id: string | null
  action: string
  appg_id: string | null
  item_type: string | null
  item_id: string | null
  /** JSON object with the particulars; never a secret or token. */
  details: string
}

/** A one-time link to set a new password; only the SHA-256 of its token is kept. */
export interface PasswordResetTable {
  id: string
  person_id: string
  token_hash: string
  created_at: string
  expires_at: string
  used_at: string | null
}

export type PublicationStatus = 'pending' | 'approved' | 'declined' | 'withdrawn' | 'expired'

/** A request to make an item public (or to publish a document): every participant group consents. */
export interface PublicationRequestTable {
  id: string
  item_type: ItemType
  item_id: string
  /** What the item becomes once approved ('participants' only for a document published to its groups). */
  visibility: Visibility
  /** The document revision to publish; null for topics and sessions. */
  revision_id: string | null
  status: PublicationStatus
  /** `item_type:item_id` while pending, else null: one open request per item. */
  pending_key: string | null
  from_appg_id: string
  requested_by: string
  message: string | null
  created_at: string
  expires_at: string
  /** When it was approved, declined or withdrawn, by whom and for which group. */
  decided_at: string | null
  decided_by: string | null
  decided_appg_id: string | null
  /** Why it was declined or consent withdrawn. */
  reason: string | null
}

/** One participant group's consent to a publication request, given by one of its officers. */
export interface PublicationConsentTable {
  request_id: string
  appg_id: string
  person_id: string
  at: string
}

/** When a person last opened a topic's page: what is newer is "new since my last visit". */
export interface TopicVisitTable {
  person_id: string
  topic_id: string
  seen_at: string
}

export interface RateLimitTable {
  key: string
  window_start: string
  count: number
}

/**
 * One row per searchable thing (a Register group, topic, session, document or visible comment):
 * its words as the full-text engines index them (FTS5 over this table on SQLite, a FULLTEXT index
 * on MySQL). Access is not stored here: a search joins `item_type`/`item_id` to the item so that
 * who may find a row is decided by the same rule as a single read, at the time of the search.
 */
export interface SearchIndexTable {
  id: ColumnType<number, never, never>
  /** 'group' | 'topic' | 'session' | 'document' | 'comment' */
  doc_type: string
  doc_id: string
  /** The item whose access governs this row (a comment's topic, session or document); null for a group. */
  item_type: ItemType | null
  item_id: string | null
  title: string
  body: string
  updated_at: string
}

/** What a file may be attached to: an item, or one comment on an item. */
export type AttachmentItemType = ItemType | 'comment'

/** One version of an attached file; its bytes are in the file store under `storage_key`. */
export interface AttachmentTable {
  id: string
  item_type: AttachmentItemType
  item_id: string
  /** The owner group of the item (of the comment's item) when uploaded, for the quota. */
  appg_id: string
  /** The first version's id, shared by every version of the file. */
  chain_id: string
  version: number
  name: string
  size: number
  media_type: string
  sha256: string
  storage_key: string
  uploaded_by: string
  created_at: string
  deleted_at: string | null
  deleted_by: string | null
}

/** A name that stands for a person under another name; the import finds the person by it (migration 0012). */
export interface PersonAliasTable {
  id: string
  /** The name as the Register import keys it (`normaliseName`). */
  name_key: string
  person_id: string
  /** The name as it was written. */
  display_name: string
  /** `import` (a title rule), `repository` (the alias facts in packages/register), `admin` (a merge or split). */
  source: PersonAliasSource
  reason: string
  /** The site administrator's merge that made it (`person_merge.id`), if any. */
  merge_id: string | null
  created_at: string
}

export type PersonAliasSource = 'import' | 'repository' | 'admin'

/** A site administrator's merge of `merged_person_id` into `person_id`, kept so that it can be split. */
export interface PersonMergeTable {
  id: string
  person_id: string
  merged_person_id: string
  /** JSON: `{ person, membershipIds, inviteIds, aliasIds }` as they were before the merge. */
  details: string
  actor_id: string | null
  at: string
  split_at: string | null
}

/** The version of rarely changing data (`register`), bumped by whatever changes it. */
export interface CacheVersionTable {
  name: string
  version: number
}

export interface Database {
  person: PersonTable
  person_alias: PersonAliasTable
  person_merge: PersonMergeTable
  appg: AppgTable
  appg_tag: AppgTagTable
  benefit: BenefitTable
  membership: MembershipTable
  auth_session: SignInTable
  group_invite: GroupInviteTable
  topic: TopicTable
  participant: ParticipantTable
  invitation: InvitationTable
  meeting: SessionTable
  agenda_item: AgendaItemTable
  signup: SignupTable
  document: DocumentTable
  revision: RevisionTable
  link: LinkTable
  document_presence: DocumentPresenceTable
  comment: CommentTable
  comment_edit: CommentEditTable
  follow: FollowTable
  notification: NotificationTable
  email_outbox: EmailOutboxTable
  audit_event: AuditEventTable
  rate_limit: RateLimitTable
  password_reset: PasswordResetTable
  search_index: SearchIndexTable
  attachment: AttachmentTable
  cache_version: CacheVersionTable
  revision_contributor: RevisionContributorTable
  collab_state: CollabStateTable
  collab_update: CollabUpdateTable
  publication_request: PublicationRequestTable
  publication_consent: PublicationConsentTable
  topic_visit: TopicVisitTable
}
