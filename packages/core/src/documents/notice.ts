/**
 * The notice the rules require on a published document's public page and print view: not an
 * official publication of either House, and — for every participant group, since a joint document
 * speaks for all of them — who the group's registered contact is, who its secretariat is, and who
 * funds that secretariat (the group's registered benefits: source, value band, dates).
 */
import type { Db } from '@appg-hub/db'
import type { LoadedItem } from '../items/load'
import { splitRunOnUrls, type TextWithLinks } from '../register/urls'

export const NOT_OFFICIAL_NOTICE =
  'This is not an official publication of the House of Commons or the House of Lords. It has not been approved by either House or its committees. All-Party Parliamentary Groups are informal groups of Members of both Houses with a common interest in particular issues. The views expressed in this document are those of the groups named below.'

export interface NoticeFunder {
  source: string | null
  description: string | null
  valueBand: string | null
  /** As the Register words them (dd/mm/yyyy). */
  received: string | null
  registered: string | null
}

export interface NoticeGroup {
  slug: string
  title: string
  contact: { name: string | null; email: string | null } | null
  /** The secretariat as the Register gives it, its words and its web addresses apart. */
  secretariat: TextWithLinks | null
  website: string[]
  funders: NoticeFunder[]
}

export interface PublicationNotice {
  notice: string
  groups: NoticeGroup[]
}

/** Two queries: the participant groups' Register entries, and their benefits. */
export async function publicationNotice(db: Db, item: LoadedItem): Promise<PublicationNotice> {
  const ids = item.participants.map((p) => p.appgId)
  const [groups, benefits] = await Promise.all([
    db
      .selectFrom('appg')
      .select(['id', 'registered_contact_name', 'registered_contact_email', 'secretariat', 'website_url'])
      .where('id', 'in', ids)
      .execute(),
    db
      .selectFrom('benefit')
      .select(['appg_id', 'source', 'description', 'value_band', 'received', 'registered'])
      .where('appg_id', 'in', ids)
      .orderBy('appg_id')
      .orderBy('position')
      .execute(),
  ])
  const byId = new Map(groups.map((g) => [g.id, g]))
  return {
    notice: NOT_OFFICIAL_NOTICE,
    // In the item's order: the owner first, then the groups as they joined.
    groups: item.participants.map((p) => {
      const g = byId.get(p.appgId)
      const secretariat = g?.secretariat ? splitRunOnUrls(g.secretariat) : null
      const hasContact = g?.registered_contact_name || g?.registered_contact_email
      return {
        slug: p.slug,
        title: p.title,
        contact: hasContact ? { name: g.registered_contact_name, email: g.registered_contact_email } : null,
        secretariat: secretariat && (secretariat.text || secretariat.links.length) ? secretariat : null,
        website: splitRunOnUrls(g?.website_url).links,
        funders: benefits
          .filter((b) => b.appg_id === p.appgId)
          .map((b) => ({
            source: b.source,
            description: b.description,
            valueBand: b.value_band,
            received: b.received,
            registered: b.registered,
          })),
      }
    }),
  }
}
