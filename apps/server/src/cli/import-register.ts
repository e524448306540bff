import { createReadStream, existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import type { Db } from '@appg-hub/db'
import { migrateToLatest } from '@appg-hub/db'
import { type ImportReport, importRegister } from '@appg-hub/register'

/**
 * Imports one file, showing progress on the terminal and what changed at the end; `quiet` prints
 * one line of summary instead (counts, time, number of problems), as `start` does.
 */
export async function importRegisterFile(
  db: Db,
  file: string,
  mode: 'edition' | 'members',
  options: { quiet?: boolean } = {},
): Promise<ImportReport> {
  const quiet = options.quiet ?? false
  if (!existsSync(file)) throw new Error(`No such file: ${file}`)
  await migrateToLatest(db)
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  })
  const tty = process.stderr.isTTY
  const report = await importRegister(db, {
    lines,
    mode,
    onProgress: (done) => {
      if (quiet) return
      if (tty) process.stderr.write(`\r  importing ${file.split('/').pop()}: ${done} groups…`)
      else if (done % 100 === 0) console.error(`  importing: ${done} groups…`)
    },
  })
  if (tty && !quiet) process.stderr.write('\n')
  if (quiet) console.log(summaryOf(file, report))
  else printReport(file, report)
  return report
}

/** One line: what was imported, how long it took, how many problems (details with --verbose). */
export function summaryOf(file: string, r: ImportReport): string {
  const g = r.groups
  const problems = r.problems.length
  return `  ${file.split('/').pop()} (${r.mode}): ${g.created} groups created, ${g.updated} updated, ${g.unchanged} unchanged, ${g.deregistered} no longer registered; memberships ${r.officers.added + r.members.added} added, ${r.officers.removed + r.members.removed} removed; ${(r.ms / 1000).toFixed(1)} s; ${problems === 0 ? 'no problems' : `${problems} problem${problems === 1 ? '' : 's'} (see them with --verbose)`}`
}

export function printReport(file: string, r: ImportReport): void {
  const g = r.groups
  console.log(`Imported ${file.split('/').pop()} in ${(r.ms / 1000).toFixed(1)} s:`)
  console.log(
    `  groups: ${g.created} created, ${g.updated} updated, ${g.unchanged} unchanged, ${g.deregistered} no longer registered`,
  )
  for (const [name, counts] of Object.entries(r).filter(([k]) =>
    ['officers', 'members', 'benefits'].includes(k),
  )) {
    console.log(
      `  ${name}: ${Object.entries(counts as Record<string, number>)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`,
    )
  }
  if (r.changes.length === 0 && g.created === 0 && g.updated === 0 && g.deregistered === 0)
    console.log('  Nothing changed: this file was imported already.')
  else if (r.changes.length) {
    console.log(
      `  ${r.changes.length} changes recorded in the audit log${r.changes.length > 10 ? ', the first ten' : ''}:`,
    )
    for (const change of r.changes.slice(0, 10)) console.log(`    ${change}`)
  }
  if (r.problems.length) {
    console.log(`  ${r.problems.length} problems (what could be read of each line was imported):`)
    for (const p of r.problems.slice(0, 20)) console.log(`    line ${p.line}: ${p.message}`)
  }
}
