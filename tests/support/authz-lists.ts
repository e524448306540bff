/**
 * Lists against single reads (docs/architecture.md §3: "a list never shows what a single read would refuse"):
 * for every list procedure and every caller, each listed item's single read succeeds, and every
 * item the caller may read within the list's scope is listed. The single read is the oracle, so
 * the check holds whatever the policy's details.
 *
 * The checks are split by item kind in authz-lists/; they share one ListCheck (authz-lists/context.ts)
 * and run in this order, each after the single reads it compares with.
 */

import type { ListWorld } from './authz-list-world'
import { checkComments, checkNotifications } from './authz-lists/comments'
import { loadItemReads, startListCheck } from './authz-lists/context'
import { checkFiles } from './authz-lists/files'
import { checkInvitations, checkPeople, checkRegister } from './authz-lists/groups'
import { checkPublication } from './authz-lists/publication'
import { checkSessionsAndDocuments, checkShownItems } from './authz-lists/sessions-documents'
import { checkTopics } from './authz-lists/topics'
import { checkSearch } from './authz-search'
import type { CallerName } from './authz-world'

export { type ListWorld, makeListWorld } from './authz-list-world'
export { allPages } from './authz-lists/context'

/** What each list check found wrong, one line per problem. */
export async function checkLists(
  lw: ListWorld,
  caller: CallerName,
): Promise<{ problems: string[]; checks: number; called: Set<string> }> {
  const called = new Set<string>()
  const cx = await startListCheck(lw.w, caller, called)
  await checkRegister(cx)
  await checkPeople(cx)
  await checkTopics(cx)
  await checkComments(cx)
  await checkInvitations(cx)
  await checkNotifications(cx)
  const reads = await loadItemReads(cx)
  await checkSessionsAndDocuments(cx, reads)
  await checkPublication(cx)
  await checkShownItems(cx, reads)
  // search.query ↔ the single reads of what it finds
  const search = await checkSearch(lw.w, cx.trpc, caller, reads.readOk)
  cx.problems.push(...search.problems)
  cx.checks += search.checks
  await checkFiles(cx, reads)
  return { problems: cx.problems, checks: cx.checks, called }
}
