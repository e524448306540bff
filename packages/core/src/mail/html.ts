/**
 * The HTML part sent beside every email's plain text: the same words, plainly marked up so that
 * screen readers and mail clients show headings-free, readable paragraphs, lists and real links.
 * Made from the text at sending time (the outbox keeps the text only), so both parts always say
 * the same. No images, no styles beyond a readable size, no tracking.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

const URL_PATTERN = /https?:\/\/[^\s<>"“”]+[^\s<>"“”.,;:!?)]/g

/** Escapes a line and turns its web addresses into links. */
function inline(line: string): string {
  let out = ''
  let last = 0
  for (const match of line.matchAll(URL_PATTERN)) {
    out += escapeHtml(line.slice(last, match.index))
    const url = escapeHtml(match[0])
    out += `<a href="${url}">${url}</a>`
    last = match.index + match[0].length
  }
  return out + escapeHtml(line.slice(last))
}

/** A whole HTML document for an email whose plain text is `text`. */
export function emailHtml(subject: string, text: string): string {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n{2,}/)
  const body: string[] = []
  let list: string[] = []
  const flushList = () => {
    if (list.length) body.push(`<ul>\n${list.map((item) => `<li>${item}</li>`).join('\n')}\n</ul>`)
    list = []
  }
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => l.trim() !== '')
    if (lines.length === 0) continue
    if (lines[0]!.startsWith('• ')) {
      // A list item: "• text", then its indented lines (a link).
      list.push([lines[0]!.slice(2), ...lines.slice(1).map((l) => l.trim())].map(inline).join('<br>\n'))
      continue
    }
    flushList()
    body.push(`<p>${lines.map(inline).join('<br>\n')}</p>`)
  }
  flushList()
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    '</head>',
    '<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c; max-width: 40em">',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
