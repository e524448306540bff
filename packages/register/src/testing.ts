/**
 * Lines of synthetic Register files, shaped like the real ones, for the tests of this package
 * (the real files are never committed; see @appg-hub/db/testing).
 */

// biome-ignore lint/suspicious/noExplicitAny: a raw line as the files hold it, before parsing.
export type Raw = any

export const at = (iso: string) => () => new Date(iso)

export interface GroupSpec {
  /** Role, name and, as the members file has it, the MNIS id. */
  officers?: [role: string, name: string, mnisId?: string][]
  edition?: string
  extra?: Record<string, unknown>
}

/** One line of a synthetic edition, shaped like the real files. */
export function entry(slug: string, spec: GroupSpec = {}): Raw {
  const edition = spec.edition ?? '260601'
  return {
    slug,
    title: `All-Party Parliamentary Group on ${slug}`,
    purpose: `To discuss ${slug}.`,
    category: 'Subject Group',
    parliament: 'uk',
    officers: (spec.officers ?? [['Chair & Registered Contact', 'Jane Doe']]).map(([role, name, mnisId]) => ({
      role,
      name,
      party: 'Labour',
      twfy_id: null,
      mnis_id: mnisId ?? null,
      removed: false,
    })),
    members_list: { source_method: 'empty', source_url: [], last_updated: null, members: [] },
    contact_details: {
      registered_contact_name: 'Jane Doe MP',
      registered_contact_address: 'House of Commons, London, SW1A 0AA.',
      registered_contact_email: 'jane.doe.mp@parliament.uk',
      public_enquiry_point_name: null,
      public_enquiry_point_email: null,
      secretariat: null,
      website: { status: 'no_register', url: null },
    },
    agm: {
      date_of_most_recent_agm: '2026-01-01',
      published_income_expenditure_statement: false,
      reporting_year: '01 Jan to 31 Dec',
      next_reporting_deadline: '2027-01-31',
    },
    registrable_benefits: null,
    detailed_benefits: [],
    index_date: edition,
    source_url: `https://publications.parliament.uk/pa/cm/cmallparty/${edition}/${slug}.htm`,
    categories: [],
    ...spec.extra,
  }
}

export const jsonl = (...items: (Raw | string)[]) =>
  items.map((i) => (typeof i === 'string' ? i : JSON.stringify(i)))
