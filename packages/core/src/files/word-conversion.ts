/**
 * Word conversion as a service: .docx → Markdown for the import, Markdown → .docx for the export.
 * The converting libraries (mammoth, turndown with domino, docx, jszip: about 800 KB) run in the
 * Node server itself (word-converter-local.ts) and, on Cloudflare, in a second Worker reached
 * through a service binding (apps/server/src/word-worker.ts), so that the main Worker stays small.
 * Everything here is plain data, so that it can cross that binding as JSON.
 */
import type { PublicationNotice } from '../documents/read'

export const MAX_TITLE_CHARS = 200

/** `PK\x03\x04`: every .docx is a zip. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

/** A Word file read: its title (first heading, else the file name), Markdown, and what was lost. */
export interface ConvertedWord {
  title: string
  markdown: string
  /** What could not be kept, in words for the person importing it; empty when nothing was lost. */
  report: string[]
}

/** What a document's Word file shows. */
export interface WordSource {
  title: string
  /** "Briefing · Cancer APPG · Published", in italics under the title. */
  subtitle: string
  /** The file's author property: the owner group. */
  creator: string
  /** The document's Markdown. */
  body: string
  publication: PublicationNotice | null
}

export interface WordConverter {
  /** BAD_REQUEST when the bytes are not a Word file that can be read. */
  toMarkdown(bytes: Uint8Array, fileName: string): Promise<ConvertedWord>
  toWord(source: WordSource): Promise<Uint8Array>
}

/** The converter could not be reached (on Workers: the word Worker is not deployed or not bound). */
export class WordConversionUnavailable extends Error {
  constructor(reason: string) {
    super(`Word conversion is not available at the moment (${reason}).`)
    this.name = 'WordConversionUnavailable'
  }
}
