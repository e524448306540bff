/** The import's report: what it counted, what it could not use, and one sentence per change. */
import type { ImportMode, ImportReport } from './types'

export function newReport(mode: ImportMode): ImportReport {
  return {
    mode,
    edition: null,
    groups: { created: 0, updated: 0, unchanged: 0, deregistered: 0 },
    officers: { added: 0, removed: 0, changed: 0 },
    members: { added: 0, removed: 0, unchanged: 0 },
    benefits: { groups: 0, added: 0, removed: 0 },
    tags: { added: 0, removed: 0 },
    persons: { created: 0, updated: 0 },
    merged: [],
    problems: [],
    changes: [],
    auditEvents: 0,
    ms: 0,
  }
}

type Counters = Pick<ImportReport, 'groups' | 'officers' | 'members' | 'benefits' | 'tags' | 'persons'>

/** A point the report can be taken back to when a unit of work fails: its counts and its sentences. */
export interface ReportMark {
  counters: Counters
  sentences: number
  merged: number
}

export function markReport(report: ImportReport): ReportMark {
  return {
    counters: structuredClone({
      groups: report.groups,
      officers: report.officers,
      members: report.members,
      benefits: report.benefits,
      tags: report.tags,
      persons: report.persons,
    }),
    sentences: report.changes.length,
    merged: report.merged.length,
  }
}

export function rewindReport(report: ImportReport, mark: ReportMark): void {
  Object.assign(report, mark.counters)
  report.changes.length = mark.sentences
  report.merged.length = mark.merged
}

/** The report as returned: problems in line order, and the time taken. */
export function finishReport(report: ImportReport, started: number): ImportReport {
  report.problems.sort((a, b) => a.line - b.line)
  report.ms = Math.round(performance.now() - started)
  return report
}
