/**
 * A document as a Word file (word-export.ts says which and reads it): its Markdown parsed by the same markdown-it the
 * hub renders with (`markdownTokens`) and written with the `docx` package — headings, paragraphs,
 * bullet and numbered lists, tables, links, bold, italic, strike-through, code and quotes. A
 * published document carries its publication notice, as its public page and print view do.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { Token } from 'markdown-it'
import type { PublicationNotice } from '../documents/read'
import { markdownTokens } from '../markdown'
import type { WordSource } from './word-conversion'

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const

const ORDERED = 'ordered'

interface RunStyle {
  bold?: boolean
  italics?: boolean
  strike?: boolean
  code?: boolean
}

/** The runs of one inline token (a paragraph's, a heading's, a cell's text). */
function inlineRuns(inline: Token | undefined): ParagraphChild[] {
  const out: ParagraphChild[] = []
  const style: RunStyle = {}
  let link: { href: string; runs: TextRun[] } | null = null
  const push = (run: TextRun) => {
    if (link) link.runs.push(run)
    else out.push(run)
  }
  const text = (value: string, extra: RunStyle = {}) => {
    const s = { ...style, ...extra }
    return new TextRun({
      text: value,
      bold: s.bold,
      italics: s.italics,
      strike: s.strike,
      font: s.code ? 'Courier New' : undefined,
      style: link ? 'Hyperlink' : undefined,
    })
  }
  for (const token of inline?.children ?? []) {
    switch (token.type) {
      case 'text':
        push(text(token.content))
        break
      case 'code_inline':
        push(text(token.content, { code: true }))
        break
      case 'softbreak':
      case 'hardbreak':
        push(new TextRun({ break: 1 }))
        break
      case 'strong_open':
        style.bold = true
        break
      case 'strong_close':
        style.bold = false
        break
      case 'em_open':
        style.italics = true
        break
      case 'em_close':
        style.italics = false
        break
      case 's_open':
        style.strike = true
        break
      case 's_close':
        style.strike = false
        break
      case 'link_open':
        link = { href: String(token.attrGet('href') ?? ''), runs: [] }
        break
      case 'link_close':
        if (link) out.push(new ExternalHyperlink({ link: link.href, children: link.runs }))
        link = null
        break
      case 'mention':
        push(text(`@${(token.meta as { name: string }).name}`))
        break
      default:
        if (token.content) push(text(token.content))
    }
  }
  return out
}

/** Block tokens to Word paragraphs and tables. */
export function markdownToWord(source: string): (Paragraph | Table)[] {
  const tokens = markdownTokens(source)
  const blocks: (Paragraph | Table)[] = []
  const lists: { ordered: boolean; instance: number }[] = []
  let listInstances = 0
  let quoteDepth = 0
  let table: { rows: TableRow[]; cells: TableCell[]; header: boolean } | null = null

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    switch (token.type) {
      case 'heading_open': {
        const level = Number(token.tag.slice(1)) - 1
        blocks.push(
          new Paragraph({
            heading: HEADINGS[level] ?? HeadingLevel.HEADING_6,
            children: inlineRuns(tokens[i + 1]),
          }),
        )
        i += 2
        break
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: token.type === 'ordered_list_open', instance: ++listInstances })
        break
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop()
        break
      case 'blockquote_open':
        quoteDepth++
        break
      case 'blockquote_close':
        quoteDepth--
        break
      case 'paragraph_open': {
        const children = inlineRuns(tokens[i + 1])
        i += 2
        const list = lists[lists.length - 1]
        // Only the first paragraph of a list item carries its bullet or number.
        const firstInItem = tokens[i - 3]?.type === 'list_item_open'
        if (table) break
        if (list && firstInItem) {
          const level = Math.min(lists.length - 1, 8)
          blocks.push(
            new Paragraph({
              children,
              ...(list.ordered
                ? { numbering: { reference: ORDERED, level, instance: list.instance } }
                : { bullet: { level } }),
            }),
          )
        } else {
          blocks.push(
            new Paragraph({
              children,
              indent: list || quoteDepth ? { left: 720 * Math.max(lists.length, quoteDepth) } : undefined,
              border: quoteDepth
                ? { left: { style: BorderStyle.SINGLE, size: 12, color: 'AAAAAA', space: 8 } }
                : undefined,
            }),
          )
        }
        break
      }
      case 'fence':
      case 'code_block':
        for (const line of token.content.replace(/\n$/, '').split('\n'))
          blocks.push(new Paragraph({ children: [new TextRun({ text: line, font: 'Courier New' })] }))
        break
      case 'hr':
        blocks.push(
          new Paragraph({
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'AAAAAA', space: 1 } },
          }),
        )
        break
      case 'table_open':
        table = { rows: [], cells: [], header: false }
        break
      case 'thead_open':
        if (table) table.header = true
        break
      case 'tbody_open':
        if (table) table.header = false
        break
      case 'tr_open':
        if (table) table.cells = []
        break
      case 'th_open':
      case 'td_open': {
        const runs = inlineRuns(tokens[i + 1])
        const header = token.type === 'th_open'
        table?.cells.push(
          new TableCell({
            children: [
              new Paragraph({
                children: runs,
                run: header ? { bold: true } : undefined,
              }),
            ],
          }),
        )
        i += 2
        break
      }
      case 'tr_close':
        if (table) table.rows.push(new TableRow({ children: table.cells, tableHeader: table.header }))
        break
      case 'table_close':
        if (table?.rows.length)
          blocks.push(new Table({ rows: table.rows, width: { size: 100, type: WidthType.PERCENTAGE } }))
        table = null
        break
      default:
        break
    }
  }
  return blocks
}

function noticeBlocks(publication: PublicationNotice): Paragraph[] {
  const blocks = [
    new Paragraph({ text: 'Publication notice', heading: HeadingLevel.HEADING_2, pageBreakBefore: true }),
    new Paragraph({ text: publication.notice }),
    new Paragraph({ text: `Published by ${publication.groups.map((g) => g.title).join(', ')}.` }),
  ]
  // Every group, since a joint document speaks for all of them (as on the public page).
  for (const g of publication.groups) {
    blocks.push(new Paragraph({ text: g.title, heading: HeadingLevel.HEADING_3 }))
    const contact = [g.contact?.name, g.contact?.email].filter(Boolean).join(', ')
    if (contact) blocks.push(new Paragraph({ text: `Registered contact: ${contact}` }))
    if (g.secretariat)
      blocks.push(
        new Paragraph({
          text: `Secretariat: ${[g.secretariat.text, ...g.secretariat.links].filter(Boolean).join(' ')}`,
        }),
      )
    for (const f of g.funders)
      blocks.push(
        new Paragraph({
          bullet: { level: 0 },
          text: [f.source, f.description, f.valueBand, f.received].filter(Boolean).join(' — '),
        }),
      )
  }
  return blocks
}

/** The .docx file of a document (see `WordSource`). */
export async function markdownToWordFile(source: WordSource): Promise<Uint8Array> {
  const doc = new Document({
    title: source.title,
    creator: source.creator,
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format:
              level % 3 === 0
                ? LevelFormat.DECIMAL
                : level % 3 === 1
                  ? LevelFormat.LOWER_LETTER
                  : LevelFormat.LOWER_ROMAN,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: source.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun({ text: source.subtitle, italics: true })] }),
          ...markdownToWord(source.body),
          ...(source.publication ? noticeBlocks(source.publication) : []),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}
