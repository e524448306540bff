/**
 * One run of the import: the database, the in-memory picture it compares against (`Snapshot`),
 * the report it fills in, and the units of work it commits one transaction at a time. The
 * concerns are in their own modules (people, group sync, members, edition changes); they all
 * work on this object, so that what is shared between them is written down here and nowhere else.
 */
import type { Db } from '@appg-hub/db'
import { Journal } from './journal'
import { markReport, newReport, rewindReport } from './report'
import { Snapshot } from './snapshot'
import type { ImportMode, ImportReport } from './types'
import { Writes } from './writes'

export class ImportRun {
  readonly report: ImportReport
  /** Party as this run first saw it per person, so that two groups disagreeing cannot flip it on every run. */
  readonly partySeen = new Map<string, string>()

  private constructor(
    readonly db: Db,
    readonly mode: ImportMode,
    readonly clock: () => Date,
    readonly snapshot: Snapshot,
    private readonly journal: Journal,
  ) {
    this.report = newReport(mode)
  }

  static async start(db: Db, mode: ImportMode, clock: () => Date): Promise<ImportRun> {
    const journal = new Journal()
    return new ImportRun(db, mode, clock, await Snapshot.load(db, journal), journal)
  }

  nameOf(personId: string): string {
    return this.snapshot.people.byId.get(personId)?.display_name ?? 'a person no longer on record'
  }

  /**
   * Runs one unit of work (a group; the parliamentary ids) as one transaction. Should anything
   * fail, its writes, its changes to the in-memory picture, its counts and its sentences are all
   * taken back, the failure is reported against its line, and the import carries on.
   * `work` says whether the group changed (true), did not (false) or is counted otherwise (null).
   */
  async unit(line: number, label: string, work: (w: Writes, now: string) => boolean | null): Promise<void> {
    const now = this.clock().toISOString()
    const w = new Writes(now)
    const mark = markReport(this.report)
    try {
      const outcome = work(w, now)
      await w.flush(this.db)
      this.journal.clear()
      this.report.auditEvents += w.audits.length
      if (outcome === true) this.report.groups.updated++
      else if (outcome === false) this.report.groups.unchanged++
    } catch (error) {
      this.journal.rollback()
      rewindReport(this.report, mark)
      this.report.problems.push({ line, message: `${label}: not saved (${(error as Error).message})` })
    }
  }
}
