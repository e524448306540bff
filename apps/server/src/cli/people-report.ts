import type { Db } from '@appg-hub/db'
import { migrateToLatest } from '@appg-hub/db'
import { type PeopleReport, peopleReport, type ReportPerson } from '@appg-hub/register'

const who = (p: ReportPerson) =>
  `${p.name}${p.mnisId ? ` [MNIS ${p.mnisId}]` : ''} (${p.groups} group${p.groups === 1 ? '' : 's'})`

/** The report as text: counts first, then each finding on its own line. */
export function formatPeopleReport(report: PeopleReport): string {
  const lines = [
    `${report.people} people of the Register`,
    `${report.merges.length} names merged into a person known by another name`,
    `${report.sameMnis.length} held more than once under one MNIS id`,
    `${report.likelySame.length} peers still named in both the short and the territorial form of one title (not merged)`,
    `${report.ambiguous.length} short titles that ids or an alias must settle`,
  ]
  for (const m of report.merges)
    lines.push(`merged (${m.source}): "${m.name}" = ${who(m.person)}: ${m.reason}`)
  for (const s of report.sameMnis) lines.push(`same MNIS ${s.mnisId}: ${s.people.map(who).join(' = ')}`)
  for (const l of report.likelySame)
    lines.push(`likely the same: ${who(l.short)} ~ ${who(l.territorial)}: ${l.reason}`)
  for (const a of report.ambiguous)
    lines.push(`ambiguous: ${who(a.short)} could be ${a.candidates.map(who).join(' or ')}: ${a.reason}`)
  return lines.join('\n')
}

export async function peopleReportCommand(db: Db): Promise<PeopleReport> {
  await migrateToLatest(db)
  const report = await peopleReport(db)
  console.log(formatPeopleReport(report))
  return report
}
