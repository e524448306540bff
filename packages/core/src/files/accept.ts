/**
 * Which files the hub accepts, decided from their bytes (`file-type`), never from their names: a
 * page of HTML named `minutes.pdf` has no PDF signature and is refused. Plain text and CSV have no
 * signature, so they are accepted only when the bytes are UTF-8 without NULs and the name ends in
 * .txt or .csv.
 */

/** Detected media types accepted as they are. */
const BY_SIGNATURE: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel spreadsheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint presentation',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument spreadsheet',
  'application/vnd.oasis.opendocument.presentation': 'OpenDocument presentation',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
}

/** Office 97–2003 files share one container format (CFB); the name tells them apart. */
const LEGACY_OFFICE: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
}

const TEXT: Record<string, string> = {
  txt: 'text/plain',
  csv: 'text/csv',
}

/** Shown inline (sandboxed) rather than downloaded. */
export const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp'])

export const ACCEPTED_DESCRIPTION =
  'PDF, Word, Excel, PowerPoint, OpenDocument, CSV, plain text or an image (PNG, JPEG, GIF, WebP)'

/** What the upload's own bytes say it is. */
export interface Sniffed {
  /** `file-type`'s answer, or undefined when it found no signature. */
  detectedMime: string | undefined
  /** Every byte was UTF-8 and none was NUL. */
  isText: boolean
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase()
}

/** Whether the name allows the file to be taken as text, should its bytes have no signature. */
export function namedAsText(name: string): boolean {
  return extension(name) in TEXT
}

/** The media type to store and serve the file as, or null when the hub does not take it. */
export function acceptedType(name: string, sniffed: Sniffed): string | null {
  const ext = extension(name)
  const detected = sniffed.detectedMime
  if (detected && BY_SIGNATURE[detected]) return detected
  if (detected === 'application/x-cfb') return LEGACY_OFFICE[ext] ?? null
  if (!detected && sniffed.isText) return TEXT[ext] ?? null
  return null
}

export function describeType(mediaType: string): string {
  if (BY_SIGNATURE[mediaType]) return BY_SIGNATURE[mediaType]
  if (mediaType === 'application/msword') return 'Word document'
  if (mediaType === 'application/vnd.ms-excel') return 'Excel spreadsheet'
  if (mediaType === 'application/vnd.ms-powerpoint') return 'PowerPoint presentation'
  if (mediaType === 'text/csv') return 'CSV'
  if (mediaType === 'text/plain') return 'Text'
  return mediaType
}

export const MAX_FILE_NAME_LENGTH = 200

/** C0/C1 controls, and the invisible formatting characters that can disguise an extension. */
function isHidden(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  )
}

/**
 * A file's name as the hub keeps it: the last path segment only (no `/` or `\`), no control or
 * bidirectional-override characters, no leading dots, at most 200 characters (keeping the
 * extension). Empty when nothing is left.
 */
export function sanitizeFileName(raw: string): string {
  const lastSegment = raw.split(/[/\\]/).pop() ?? ''
  let name = Array.from(lastSegment.normalize('NFC'))
    .filter((ch) => !isHidden(ch.codePointAt(0)!))
    .join('')
    .replace(/["<>:|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .trim()
  if (name.length > MAX_FILE_NAME_LENGTH) {
    const ext = extension(name)
    const keep = ext && ext.length < 10 ? `.${ext}` : ''
    name = name.slice(0, MAX_FILE_NAME_LENGTH - keep.length) + keep
  }
  return name
}

/**
 * A Content-Disposition header: an ASCII `filename` fallback and, for other names, RFC 5987's
 * `filename*` in UTF-8.
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file'
  const header = `${kind}; filename="${ascii}"`
  if (ascii === name) return header
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `${header}; filename*=UTF-8''${encoded}`
}
