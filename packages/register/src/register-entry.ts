/** The clean, typed record `parseRegisterLine` makes of one Register line. */
import type { PersonKind } from '@appg-hub/db'

export interface RegisterProblem {
  /** 1-based line number in the file. */
  line: number
  message: string
}

export type OfficerRole = 'chair' | 'officer'
export type MemberType = 'mp' | 'lord' | 'other'

/** A person as a Register line names them, with the identity the importer matches them by. */
export interface RegisterPerson {
  /** The name cleaned for display ("Sir Andrew Mitchell"; a trailing "MP" is dropped). */
  displayName: string
  /** `mnis:<id>` when an MNIS id is known, else `name:<normalised name>`. */
  registerKey: string
  /** `normaliseName(displayName)`: what name matching compares. */
  nameKey: string
  mnisId: string | null
  twfyId: string | null
  kind: PersonKind
}

export interface RegisterOfficer extends RegisterPerson {
  role: OfficerRole
  /** The role as the Register words it ("Vice Chair", "Chair & Registered Contact"). */
  registerTitle: string | null
  party: string | null
}

export interface RegisterMember extends RegisterPerson {
  memberType: MemberType
  isOfficer: boolean
}

export interface RegisterBenefit {
  source: string | null
  description: string | null
  valueBand: string | null
  /** ISO date (YYYY-MM-DD) when the Register's dd/mm/yyyy could be read, else the text as given. */
  received: string | null
  registered: string | null
  benefitType: string | null
}

/** The register fields of a group, named as the `appg` table names them. */
export interface RegisterGroupFields {
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
  register_edition: string | null
  source_url: string | null
}

export interface RegisterEntry {
  slug: string
  fields: RegisterGroupFields
  /** Topic tags (`categories`), cleaned and de-duplicated. */
  tags: string[]
  benefits: RegisterBenefit[]
  /** Current officers (entries marked `removed` are left out), one per person. */
  officers: RegisterOfficer[]
  /** Null when the line carries no `members_list`; `members` then says nothing about membership. */
  membersList: { sourceMethod: string | null; members: RegisterMember[] } | null
}

export interface ParsedLine {
  line: number
  /** Null for a blank line and for a line that cannot be used (see `problems`). */
  entry: RegisterEntry | null
  /** The slug, when one could be read even from a broken line (so that its group is not mistaken as gone). */
  slug: string | null
  problems: RegisterProblem[]
}
