import { describe, expect, it } from 'vitest'
import { acceptedType, contentDisposition, sanitizeFileName } from './accept'

describe('acceptedType', () => {
  it('takes what the bytes say, whatever the name', () => {
    expect(acceptedType('minutes.txt', { detectedMime: 'application/pdf', isText: false })).toBe(
      'application/pdf',
    )
    expect(acceptedType('slides', { detectedMime: 'image/png', isText: false })).toBe('image/png')
  })
  it('refuses types outside the list, and HTML under any name', () => {
    expect(acceptedType('evidence.pdf', { detectedMime: undefined, isText: true })).toBeNull()
    expect(acceptedType('evidence.zip', { detectedMime: 'application/zip', isText: false })).toBeNull()
    expect(acceptedType('run.exe', { detectedMime: 'application/x-msdownload', isText: false })).toBeNull()
    expect(acceptedType('photo.svg', { detectedMime: 'application/xml', isText: true })).toBeNull()
  })
  it('accepts text and CSV only when UTF-8 without NULs and named so', () => {
    expect(acceptedType('notes.TXT', { detectedMime: undefined, isText: true })).toBe('text/plain')
    expect(acceptedType('data.csv', { detectedMime: undefined, isText: true })).toBe('text/csv')
    expect(acceptedType('data.csv', { detectedMime: undefined, isText: false })).toBeNull()
    expect(acceptedType('page.html', { detectedMime: undefined, isText: true })).toBeNull()
  })
  it('names Office 97–2003 files by their extension, and nothing else in that container', () => {
    expect(acceptedType('old.doc', { detectedMime: 'application/x-cfb', isText: false })).toBe(
      'application/msword',
    )
    expect(acceptedType('old.xls', { detectedMime: 'application/x-cfb', isText: false })).toBe(
      'application/vnd.ms-excel',
    )
    expect(acceptedType('thumbs.db', { detectedMime: 'application/x-cfb', isText: false })).toBeNull()
  })
})

describe('sanitizeFileName', () => {
  it('keeps the last path segment only', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd')
    expect(sanitizeFileName('C:\\Users\\me\\report.pdf')).toBe('report.pdf')
  })
  it('drops control and direction-override characters and leading dots', () => {
    expect(sanitizeFileName('a\u0000b\u0007c\u202Efdp.exe')).toBe('abcfdp.exe')
    expect(sanitizeFileName('..hidden')).toBe('hidden')
    expect(sanitizeFileName('/..')).toBe('')
    expect(sanitizeFileName('  spaced \t name .pdf ')).toBe('spaced name .pdf')
  })
  it('keeps non-ASCII names and the extension of long ones', () => {
    expect(sanitizeFileName('Réponses – 2026.csv')).toBe('Réponses – 2026.csv')
    const long = sanitizeFileName(`${'x'.repeat(300)}.docx`)
    expect(long).toHaveLength(200)
    expect(long.endsWith('.docx')).toBe(true)
  })
})

describe('contentDisposition', () => {
  it('quotes ASCII names plainly and adds RFC 5987 filename* for others', () => {
    expect(contentDisposition('attachment', 'a b.pdf')).toBe('attachment; filename="a b.pdf"')
    expect(contentDisposition('inline', 'Ünïcödé.png')).toBe(
      `inline; filename="_n_c_d_.png"; filename*=UTF-8''%C3%9Cn%C3%AFc%C3%B6d%C3%A9.png`,
    )
    expect(contentDisposition('attachment', `it's (1).pdf`)).toBe(`attachment; filename="it's (1).pdf"`)
  })
})
