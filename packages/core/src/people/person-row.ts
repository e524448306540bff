import { newId, type PersonKind, type PersonTable } from '@appg-hub/db'
import type { Selectable } from 'kysely'

/** What is known of a new person; everything else starts empty (no account, no ids, no party). */
export interface NewPerson {
  id?: string
  displayName: string
  kind: PersonKind
  email?: string | null
  organisation?: string | null
  party?: string | null
  mnisId?: string | null
  twfyId?: string | null
  registerKey?: string | null
  passwordHash?: string | null
  isSiteAdmin?: boolean
}

/** A complete new row; the columns with database defaults (calendar token, public listing) are left to them. */
export type NewPersonRow = Omit<Selectable<PersonTable>, 'calendar_token_hash' | 'list_publicly'>

/**
 * The one place a complete `person` row is put together (sign-up, the Register import, the demo,
 * `hub create-admin`), so that a column added to the table is given its default once.
 */
export function newPersonRow(person: NewPerson, now: string): NewPersonRow {
  return {
    id: person.id ?? newId(),
    email: person.email ?? null,
    display_name: person.displayName,
    kind: person.kind,
    organisation: person.organisation ?? null,
    party: person.party ?? null,
    mnis_id: person.mnisId ?? null,
    twfy_id: person.twfyId ?? null,
    register_key: person.registerKey ?? null,
    password_hash: person.passwordHash ?? null,
    is_site_admin: person.isSiteAdmin ? 1 : 0,
    email_preference: 'immediate',
    created_at: now,
    updated_at: now,
    erased_at: null,
  }
}

/** A person's own details, as their data export shows them: no secrets, no import keys. */
export const PERSON_DETAILS = [
  'id',
  'email',
  'display_name',
  'kind',
  'organisation',
  'party',
  'mnis_id',
  'twfy_id',
  'is_site_admin',
  'email_preference',
  'created_at',
  'updated_at',
] as const

/** Every column of `newPersonRow`: what a merge keeps of the merged person, so that a split restores it. */
export const PERSON_ROW_COLUMNS = [...PERSON_DETAILS, 'register_key', 'password_hash', 'erased_at'] as const
