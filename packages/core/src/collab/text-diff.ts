import { diffChars } from 'diff'
import type * as Y from 'yjs'

/** Above this many changed characters a character diff costs more than it is worth. */
const CHAR_DIFF_LIMIT = 20_000

/**
 * Turns `text` into `target` with as few Y.Text operations as a character diff finds, so that
 * edits made concurrently elsewhere in the text survive (a wholesale replace would not).
 */
export function applyTextDiff(text: Y.Text, target: string): void {
  const current = text.toString()
  if (current === target) return
  let start = 0
  const max = Math.min(current.length, target.length)
  while (start < max && current.charCodeAt(start) === target.charCodeAt(start)) start++
  let end = 0
  while (
    end < max - start &&
    current.charCodeAt(current.length - 1 - end) === target.charCodeAt(target.length - 1 - end)
  )
    end++
  const from = current.slice(start, current.length - end)
  const to = target.slice(start, target.length - end)
  const apply = () => {
    if (from.length + to.length > CHAR_DIFF_LIMIT) {
      if (from.length > 0) text.delete(start, from.length)
      if (to.length > 0) text.insert(start, to)
      return
    }
    let at = start
    for (const part of diffChars(from, to)) {
      if (part.added) {
        text.insert(at, part.value)
        at += part.value.length
      } else if (part.removed) text.delete(at, part.value.length)
      else at += part.value.length
    }
  }
  if (text.doc) text.doc.transact(apply)
  else apply()
}
