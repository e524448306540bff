/// <reference path="./vendor.d.ts" />
/**
 * A Word file (.docx) as Markdown: mammoth turns it into HTML by its paragraph styles (headings,
 * lists, tables, links, emphasis), turndown with the GFM tables rule into Markdown. What cannot be
 * kept — images, and whatever mammoth reports it did not understand — is listed in a report for
 * the person importing it (word-import.ts makes the document).
 *
 * The HTML is parsed with domino rather than the runtime's DOM, so that the same code runs on Node
 * and on Workers (which have no DOMParser).
 */

import { createDocument as createDom } from '@mixmark-io/domino'
import mammoth from 'mammoth'
import TurndownService from 'turndown'
import { gfm } from 'turndown-plugin-gfm'
import { badRequest } from '../errors'
import { type ConvertedWord, looksLikeZip, MAX_TITLE_CHARS } from './word-conversion'

function turndownService(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '_',
    strongDelimiter: '**',
  })
  service.use(gfm)
  // Images are not kept (the report says so); mammoth's footnote back-links point nowhere here.
  service.remove(['img', 'script', 'style'])
  return service
}

/**
 * GFM tables need a heading row, and their cells hold one line. Word tables rarely mark a heading
 * row, so the first row becomes one; paragraphs inside a cell are joined with spaces.
 */
function prepareTables(doc: Document, report: Set<string>): void {
  for (const table of Array.from(doc.querySelectorAll('table'))) {
    if (table.querySelector('table')) report.add('A table inside a table was flattened.')
    for (const cell of Array.from(table.querySelectorAll('td, th'))) {
      if (cell.getAttribute('colspan') || cell.getAttribute('rowspan'))
        report.add('Merged table cells were split into single cells.')
      const blocks = Array.from(cell.querySelectorAll('p, li'))
      if (blocks.length > 1) {
        for (const block of blocks.slice(0, -1)) block.appendChild(doc.createTextNode(' '))
      }
      for (const block of blocks) {
        while (block.firstChild) block.parentNode!.insertBefore(block.firstChild, block)
        block.parentNode!.removeChild(block)
      }
    }
    const firstRow = table.querySelector('tr')
    if (firstRow && !firstRow.querySelector('th')) {
      for (const td of Array.from(firstRow.querySelectorAll('td'))) {
        const th = doc.createElement('th')
        while (td.firstChild) th.appendChild(td.firstChild)
        firstRow.replaceChild(th, td)
      }
    }
  }
}

/** Mammoth's messages, shortened to what a person can act on. */
function describeMessage(message: string): string {
  const style = /^Unrecognised (paragraph|run) style: '([^']*)'/.exec(message)
  if (style)
    return `The ${style[1]} style "${style[2]}" was not recognised; its text is kept as plain ${style[1] === 'run' ? 'text' : 'paragraphs'}.`
  return message.replace(/\s+/g, ' ').trim()
}

/** Converts the bytes of a .docx to a title and Markdown, with the report of what was not kept. */
export async function wordToMarkdown(bytes: Uint8Array, fileName: string): Promise<ConvertedWord> {
  if (!looksLikeZip(bytes)) throw badRequest('That is not a Word (.docx) file.', 'file')
  let images = 0
  let html: string
  const report = new Set<string>()
  try {
    const copy = bytes.slice()
    // Node's mammoth reads `buffer`, its browser build (used in the Worker bundle) `arrayBuffer`.
    const input = { buffer: copy, arrayBuffer: copy.buffer } as unknown as { arrayBuffer: ArrayBuffer }
    const result = await mammoth.convertToHtml(input, {
      convertImage: mammoth.images.imgElement(async () => {
        images++
        return { src: '' }
      }),
    })
    html = result.value
    for (const message of result.messages) report.add(describeMessage(message.message))
  } catch {
    throw badRequest('That file could not be read as a Word (.docx) document.', 'file')
  }
  if (images > 0)
    report.add(
      `${images === 1 ? 'One image was' : `${images} images were`} left out: documents here hold text only. Attach them as files instead.`,
    )
  const doc = createDom(`<!doctype html><html><body>${html}</body></html>`)
  prepareTables(doc, report)
  let title = ''
  const firstHeading = doc.querySelector('h1')
  if (firstHeading && firstHeading === doc.body.firstElementChild) {
    title = (firstHeading.textContent ?? '').replace(/\s+/g, ' ').trim()
    firstHeading.parentNode!.removeChild(firstHeading)
  }
  if (!title) title = fileName.replace(/\.docx$/i, '').trim()
  const markdown = turndownService()
    .turndown(doc.body as unknown as TurndownService.Node)
    .trim()
  return { title: title.slice(0, MAX_TITLE_CHARS), markdown, report: [...report] }
}
