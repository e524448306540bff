/**
 * `hub sync-register`: the Register from its publisher, mySociety's data package
 * `appg_groups_and_memberships` (README "The Register"), imported as an edition and a members file.
 *
 * All three files are downloaded and checked before anything is written, so a missing, cut-short
 * or malformed file stops the sync with nothing imported. The import itself is idempotent: a
 * second run of the same release changes nothing and says so.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Db } from '@appg-hub/db'
import { migrateToLatest } from '@appg-hub/db'
import { type ImportReport, importRegister } from '@appg-hub/register'
import {
  DATAPACKAGE_FILES,
  DatapackageError,
  type DatapackageFile,
  datapackageToLines,
} from '@appg-hub/register/datapackage'
import { printReport, summaryOf } from './import-register'

export interface SyncOptions {
  /** Per download; a download that takes longer is abandoned (and tried once more). */
  timeoutMs?: number
  /** Tries per file: 2 (one retry) unless told otherwise. */
  attempts?: number
  /** The legislature whose groups are imported: `uk` (the House of Commons Register) by default. */
  parliament?: string
  /** Prints each import's changes rather than one line of summary. */
  verbose?: boolean
}

export interface SyncReport {
  source: string
  edition: string | null
  editionReport: ImportReport
  membersReport: ImportReport
}

const isUrl = (source: string) => /^https?:\/\//i.test(source)

/** Where one file of the package is: under a base URL, or in a folder. */
export function fileLocation(source: string, file: DatapackageFile): string {
  if (isUrl(source)) return new URL(file, source.endsWith('/') ? source : `${source}/`).toString()
  return join(source, file)
}

function size(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} KB`
}

class RetryableError extends DatapackageError {}

async function downloadOnce(url: string, file: DatapackageFile, timeoutMs: number): Promise<string> {
  const started = Date.now()
  const tty = process.stderr.isTTY
  let response: Response
  const signal = AbortSignal.timeout(timeoutMs)
  const timedOut = () => new RetryableError(url, `no complete answer within ${timeoutMs / 1000} s`)
  try {
    response = await fetch(url, { signal, redirect: 'follow' })
  } catch (error) {
    if (signal.aborted) throw timedOut()
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    throw new RetryableError(
      url,
      `could not be reached (${cause?.code ?? cause?.message ?? (error as Error).message})`,
    )
  }
  if (!response.ok) {
    const message = `answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`
    throw response.status >= 500 ? new RetryableError(url, message) : new DatapackageError(url, message)
  }
  const expected = Number(response.headers.get('content-length')) || null
  const chunks: Uint8Array[] = []
  let received = 0
  try {
    const reader = response.body!.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      received += value.length
      if (tty)
        process.stderr.write(`\r  ${file}: ${size(received)}${expected ? ` of ${size(expected)}` : ''}…   `)
    }
  } catch (error) {
    if (signal.aborted) throw timedOut()
    throw new RetryableError(
      url,
      `the download broke off after ${size(received)} (${(error as Error).message})`,
    )
  }
  if (tty) process.stderr.write('\n')
  if (expected !== null && received !== expected)
    throw new RetryableError(url, `cut short: ${received} of ${expected} bytes`)
  console.log(`  ${file}: ${size(received)} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  const bytes = new Uint8Array(received)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.length
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new DatapackageError(url, 'is not UTF-8 text')
  }
}

/** One file, downloaded (with a retry after a network failure, a time-out or a 5xx) or read from a folder. */
export async function fetchDatapackageFile(
  source: string,
  file: DatapackageFile,
  options: SyncOptions = {},
): Promise<string> {
  const location = fileLocation(source, file)
  if (!isUrl(source)) {
    try {
      return await readFile(location, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      throw new DatapackageError(location, code === 'ENOENT' ? 'no such file' : `cannot be read (${code})`)
    }
  }
  const attempts = options.attempts ?? 2
  for (let attempt = 1; ; attempt++) {
    try {
      return await downloadOnce(location, file, options.timeoutMs ?? 60_000)
    } catch (error) {
      if (!(error instanceof RetryableError) || attempt >= attempts) throw error
      console.log(`  ${error.message}; trying again…`)
    }
  }
}

/** Downloads and checks the whole package, then imports it; throws (having written nothing) when a file is unusable. */
export async function syncRegister(db: Db, source: string, options: SyncOptions = {}): Promise<SyncReport> {
  console.log(`Getting the Register from ${source}`)
  const texts = {} as Record<DatapackageFile, string>
  for (const file of DATAPACKAGE_FILES) texts[file] = await fetchDatapackageFile(source, file, options)
  const lines = datapackageToLines(texts, { parliament: options.parliament })
  console.log(
    `  ${lines.edition ? `edition ${lines.edition}` : 'no editions'}: ${lines.editionLines.length} groups on the Register, ${lines.groups} in the package (${lines.leftOut} rows of other legislatures left out)`,
  )
  await migrateToLatest(db)
  const editionReport = await importRegister(db, { lines: lines.editionLines, mode: 'edition' })
  const refusal = editionReport.problems.find((p) => p.line === 0 && /older than edition/.test(p.message))
  if (refusal) throw new DatapackageError(fileLocation(source, 'register.csv'), refusal.message)
  const membersReport = await importRegister(db, { lines: lines.memberLines, mode: 'members' })
  for (const [name, report] of [
    ['register.csv', editionReport],
    ['members.csv', membersReport],
  ] as const) {
    if (options.verbose) printReport(name, report)
    else console.log(summaryOf(name, report))
  }
  const changes = editionReport.changes.length + membersReport.changes.length
  const created = editionReport.groups.created + membersReport.groups.created
  if (changes === 0 && created === 0) console.log('Nothing changed: the hub already holds this release.')
  else if (!options.verbose) {
    console.log(`${changes} changes recorded in the audit log, for example:`)
    for (const change of [...editionReport.changes, ...membersReport.changes].slice(0, 10))
      console.log(`    ${change}`)
  }
  return { source, edition: lines.edition, editionReport, membersReport }
}
