/**
 * Importing the Register of All-Party Parliamentary Groups into the database.
 *
 * Two kinds of file (see /shared/data/appg-register/README.md):
 * - `edition`: one edition of the Register (`register-2026-06-29.jsonl`). It is the authority on
 *   which groups are registered, their register entry, their benefits and their officers.
 * - `members`: mySociety's compilation (`appgs-with-members.jsonl`). It adds topic tags, membership
 *   lists and parliamentary ids, and keeps groups that have left the Register (as `deregistered`).
 *
 * Everything the database already holds is read once at the start (six queries, `snapshot.ts`);
 * each group's writes then go out in one transaction, batched per table (`writes.ts`), and nothing
 * is written for a group that did not change — so a second run of the same file makes no writes
 * at all. Nothing is ever deleted except what the import itself made: `register` officer
 * memberships and `members_list` memberships; memberships from invitations, the demo or an admin
 * are never touched.
 */
import type { Db } from '@appg-hub/db'
import { type FileEntries, readEntries } from './entries'
import { deregister, newGroup, replaceBenefits, syncTags, updateFields } from './group-sync'
import { syncMembers, syncOfficers } from './members'
import { identify, merged } from './people'
import { finishReport } from './report'
import { ImportRun } from './run'
import type { ImportOptions, ImportReport } from './types'

export type { ImportMode, ImportOptions, ImportReport } from './types'

const EDITION = /^\d{6}$/
const isEdition = (edition: string) => EDITION.test(edition)

/**
 * Imports one Register file. Never throws for bad data: what it cannot use is in `problems`.
 * Each group's changes are one transaction; a group whose transaction fails is reported and left
 * as it was, and the import carries on.
 */
export async function importRegister(db: Db, options: ImportOptions): Promise<ImportReport> {
  const started = performance.now()
  const problems: ImportReport['problems'] = []
  const file = await readEntries(options.lines, problems)
  const run = await ImportRun.start(db, options.mode ?? 'edition', options.clock ?? (() => new Date()))
  run.report.problems.push(...problems)
  if (run.mode === 'edition') await importEdition(run, file, options)
  else await importMembers(run, file, options)
  return finishReport(run.report, started)
}

async function importEdition(run: ImportRun, file: FileEntries, options: ImportOptions): Promise<void> {
  const { entries, listed, unidentified } = file
  const report = run.report
  const edition =
    entries
      .map((e) => e.entry.fields.register_edition)
      .filter((e): e is string => !!e && isEdition(e))
      .sort()
      .at(-1) ?? null
  report.edition = edition
  if (edition) {
    const newest = run.snapshot.newestEdition(isEdition)
    if (newest && newest > edition && !options.allowOlderEdition) {
      report.problems.push({
        line: 0,
        message: `edition ${edition} is older than edition ${newest} already imported; nothing imported (allowOlderEdition to force)`,
      })
      return
    }
  }
  let count = 0
  for (const { line, entry } of entries) {
    const own = entry.fields.register_edition
    if (edition && own && own !== edition) {
      report.problems.push({ line, message: `${entry.slug}: from edition ${own}, not ${edition}; left out` })
      listed.delete(entry.slug)
      continue
    }
    if (!own) entry.fields.register_edition = edition
    await run.unit(line, entry.slug, (w, now) => {
      const g = run.snapshot.groups.get(entry.slug)
      if (!g) {
        const created = newGroup(run, w, entry, 'registered', now)
        replaceBenefits(run, w, created, entry, false)
        syncOfficers(run, w, created, entry.officers, now, false)
        report.changes.push(
          `${entry.slug}: new on the Register — ${entry.fields.title} (${entry.officers.length} officer${entry.officers.length === 1 ? '' : 's'})`,
        )
        return null
      }
      const fields = updateFields(run, w, g, entry, now)
      const benefits = replaceBenefits(run, w, g, entry, true)
      const officers = syncOfficers(run, w, g, entry.officers, now, true)
      return fields || benefits || officers
    })
    options.onProgress?.(++count)
  }

  // Groups the edition does not list have left the Register. Only groups that came from an
  // edition are considered (not the demo group, not groups made in the hub), and not at all when
  // the file had lines that could not be tied to a group: one of them might be a listed group.
  if (entries.length === 0) {
    report.problems.push({ line: 0, message: 'the file lists no groups; no group deregistered' })
  } else if (unidentified > 0) {
    report.problems.push({
      line: 0,
      message: `${unidentified} line${unidentified === 1 ? '' : 's'} could not be tied to a group; no group deregistered`,
    })
  } else {
    for (const g of [...run.snapshot.groups.values()]) {
      const row = g.row
      if (row.status !== 'registered' || listed.has(row.slug)) continue
      if (!row.register_edition || !isEdition(row.register_edition)) continue
      await run.unit(0, row.slug, (w, now) => {
        deregister(run, w, g, edition, now)
        return null
      })
    }
  }
}

async function importMembers(
  run: ImportRun,
  { entries }: FileEntries,
  options: ImportOptions,
): Promise<void> {
  // First the parliamentary ids: people already known by name (officers from an edition carry
  // none) get their MNIS and TheyWorkForYou ids, before any membership list is read, so that a
  // differently spelt list entry with the same id finds the same person.
  await run.unit(0, 'parliamentary ids', (w) => {
    for (const { entry } of entries) {
      for (const person of [...entry.officers, ...(entry.membersList?.members ?? [])]) {
        if (!person.mnisId && !person.twfyId) continue
        const row = run.snapshot.people.find(person) ?? merged(run, w, person, w.now)
        if (row) identify(run, w, row, person)
      }
    }
    if (w.personUpdates.size > 0) {
      const identified = [...w.personUpdates.values()].filter((u) => u.mnis_id).length
      run.report.changes.push(
        `${w.personUpdates.size} people matched by name to their parliamentary records (${identified} MNIS ids)`,
      )
    }
    return null
  })
  let count = 0
  for (const { line, entry } of entries) {
    await run.unit(line, entry.slug, (w, now) => {
      const g = run.snapshot.groups.get(entry.slug)
      if (!g) {
        // Gone from the Register before the newest edition imported here: kept, as deregistered.
        const created = newGroup(run, w, entry, 'deregistered', now)
        replaceBenefits(run, w, created, entry, false)
        syncOfficers(run, w, created, entry.officers, now, false)
        syncTags(run, w, created, entry.tags)
        syncMembers(run, w, created, entry, now)
        run.report.changes.push(
          `${entry.slug}: added as a former group — ${entry.fields.title} (last listed in edition ${entry.fields.register_edition ?? 'unknown'})`,
        )
        return null
      }
      const tags = syncTags(run, w, g, entry.tags)
      const members = syncMembers(run, w, g, entry, now)
      return tags || members
    })
    options.onProgress?.(++count)
  }
}
