/**
 * A group's list (its topics, sessions, documents) in one query, NOT_FOUND included: the page is
 * left-joined to the one-row table of the group found by its slug. No row at all means there is no
 * such group (what `groupForActor` answers with NOT_FOUND); one row with nulls for the page's
 * columns, an empty page. The page query inside is left as it was, walking the index it was tuned
 * for (issue #14, `pnpm bench:growth`); only its few rows meet the group's.
 */
import type { Db } from '@appg-hub/db'
import { notFound } from '../errors'

/** The group by its slug, as a derived table named `grp` of one row (none when there is no such group). */
export function groupBySlug(db: Db, slug: string) {
  return db.selectFrom('appg').select('appg.id as groupId').where('appg.slug', '=', slug).as('grp')
}

/**
 * The rows of a page read beside `groupBySlug`, or NOT_FOUND when there was no group. `Row` is the
 * page's own row type; left-joined, each of its columns came back nullable.
 */
export function groupPageRows<Row extends { id: string }>(
  rows: readonly { [K in keyof Row]: Row[K] | null }[],
): Row[] {
  if (rows.length === 0) throw notFound('That group')
  return rows.filter((row): row is Row => row.id !== null)
}
