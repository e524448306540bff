/** Groups made directly in the database, and the Register tags the worlds give them. */
import { bumpCacheVersion, type Db, newId } from '@appg-hub/db'

export const HEALTH = 'Health, Medicine & Public Health'
export const SCIENCE = 'Science, Technology & Innovation'

export async function makeGroup(db: Db, slug: string, title = `APPG on ${slug}`) {
  const now = new Date().toISOString()
  const id = newId()
  await db
    .insertInto('appg')
    .values({
      id,
      slug,
      title,
      purpose: `To discuss ${slug}.`,
      category: 'Subject Group',
      registered_contact_name: null,
      registered_contact_address: null,
      registered_contact_email: null,
      public_enquiry_point_name: null,
      public_enquiry_point_email: null,
      secretariat: null,
      website_url: null,
      agm_date: null,
      agm_statement_published: null,
      agm_reporting_year: null,
      agm_next_deadline: null,
      registrable_benefits: null,
      status: 'registered',
      register_edition: 'test',
      source_url: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  // As the Register import does: cached Register answers are stale from here on.
  await bumpCacheVersion(db, 'register')
  return { id, slug, title }
}

/** Tags groups with Register subjects (and marks cached Register answers stale, as the import does). */
export async function tagGroups(db: Db, tags: { appg_id: string; tag: string }[]) {
  await db.insertInto('appg_tag').values(tags).execute()
  await bumpCacheVersion(db, 'register')
}
