/**
 * The notice the rules require on a published document's public page and print view: not an
 * official publication of either House, and — for every participant group, since a joint document
 * speaks for all of them — who the group's registered contact is, who its secretariat is, and who
 * funds that secretariat (the group's registered benefits: source, value band, dates).
 */
import { type Db, type ItemType, jsonAgg, parseJsonArray } from '@appg-hub/db'
import { sql } from 'kysely'
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

type GroupRow = {
  id: string
  registered_contact_name: string | null
  registered_contact_email: string | null
  secretariat: string | null
  website_url: string | null
}
type BenefitRow = {
  appg_id: string
  source: string | null
  description: string | null
  value_band: string | null
  received: string | null
  registered: string | null
}

/**
 * The participant groups' Register entries, as one JSON column of a query over the item (so the
 * document page reads them in its single query): `noticeFromRows` shapes them.
 */
export function noticeGroupsOf(db: Db, type: ItemType, idColumn: string) {
  return db
    .selectFrom('participant as np')
    .innerJoin('appg as na', 'na.id', 'np.appg_id')
    .select(
      jsonAgg(db, {
        id: 'na.id',
        registered_contact_name: 'na.registered_contact_name',
        registered_contact_email: 'na.registered_contact_email',
        secretariat: 'na.secretariat',
        website_url: 'na.website_url',
      }).as('noticeGroups'),
    )
    .where('np.item_type', '=', type)
    .where('np.item_id', '=', sql.ref<string>(idColumn))
}

/** The participant groups' registered benefits, as one JSON column (see `noticeGroupsOf`). */
export function noticeFundersOf(db: Db, type: ItemType, idColumn: string) {
  return db
    .selectFrom('participant as fp')
    .innerJoin('benefit as fb', 'fb.appg_id', 'fp.appg_id')
    .select(
      jsonAgg(db, {
        appg_id: 'fb.appg_id',
        source: 'fb.source',
        description: 'fb.description',
        value_band: 'fb.value_band',
        received: 'fb.received',
        registered: 'fb.registered',
        position: 'fb.position',
      }).as('noticeFunders'),
    )
    .where('fp.item_type', '=', type)
    .where('fp.item_id', '=', sql.ref<string>(idColumn))
}

/** The notice from the columns `noticeGroupsOf` and `noticeFundersOf` aggregated. */
export function noticeFromJson(item: LoadedItem, groups: unknown, funders: unknown): PublicationNotice {
  const benefits = parseJsonArray<BenefitRow & { position: number }>(funders).sort(
    (a, b) => Number(a.position) - Number(b.position),
  )
  return noticeFromRows(item, parseJsonArray<GroupRow>(groups), benefits)
}

function noticeFromRows(item: LoadedItem, groups: GroupRow[], benefits: BenefitRow[]): PublicationNotice {
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
