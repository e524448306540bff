import { describe, expect, it } from 'vitest'
import { measureWorkerBundle, WORKER_BUNDLE_LIMIT_GZIP } from '../support/worker-bundle'

describe('the Worker bundle', () => {
  it('stays within 300 KB gzipped, as wrangler would upload it', () => {
    const bundle = measureWorkerBundle()
    expect(bundle.gzip).toBeGreaterThan(10_000)
    expect(bundle.gzip).toBeLessThanOrEqual(WORKER_BUNDLE_LIMIT_GZIP)
    // What the Worker never runs stays out: the Register import, the demo seed, Node's SQLite; and
    // what runs elsewhere: zxcvbn's word lists (static assets), Word conversion (the word Worker).
    const parts = new Map(bundle.parts)
    expect(
      bundle.parts.map(([part]) => part).filter((part) => part.startsWith('packages/register/')),
    ).toEqual([])
    for (const absent of [
      'better-sqlite3',
      'mysql2',
      'nodemailer',
      '@zxcvbn-ts/language-common',
      '@zxcvbn-ts/language-en',
      'mammoth',
      'docx',
      'jszip',
      'turndown',
      '@mixmark-io/domino',
      '@xmldom/xmldom',
    ])
      expect(parts.has(absent), absent).toBe(false)
  })
})
