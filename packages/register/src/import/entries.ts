/** The file read whole (a few MB at most): deregistration needs to know every slug it lists. */
import { parseRegisterLine, type RegisterEntry, type RegisterProblem } from '../parse'

export interface FileEntries {
  entries: { line: number; entry: RegisterEntry }[]
  /** Every slug the file names, usable or not. */
  listed: Set<string>
  /** Lines that could not be tied to a group: one of them might be a listed group. */
  unidentified: number
}

async function* splitLines(source: AsyncIterable<string> | Iterable<string>): AsyncIterable<string> {
  for await (const chunk of source as AsyncIterable<string>) {
    if (chunk.includes('\n')) {
      const parts = chunk.split('\n')
      // A trailing newline is the end of the last line, not an empty line of its own.
      if (parts[parts.length - 1] === '') parts.pop()
      yield* parts
    } else yield chunk
  }
}

export async function readEntries(
  lines: AsyncIterable<string> | Iterable<string>,
  problems: RegisterProblem[],
): Promise<FileEntries> {
  const entries: FileEntries['entries'] = []
  const listed = new Set<string>()
  let unidentified = 0
  let lineNumber = 0
  for await (const text of splitLines(lines)) {
    lineNumber++
    const parsed = parseRegisterLine(text, lineNumber)
    problems.push(...parsed.problems)
    if (parsed.slug) {
      if (parsed.entry && listed.has(parsed.slug)) {
        problems.push({ line: lineNumber, message: `${parsed.slug}: listed again; this line is left out` })
        continue
      }
      listed.add(parsed.slug)
    } else if (parsed.problems.length > 0) unidentified++
    if (parsed.entry) entries.push({ line: lineNumber, entry: parsed.entry })
  }
  return { entries, listed, unidentified }
}
