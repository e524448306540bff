/**
 * What the files journey sends and who sends it: sample files (PDF, PNG, a hostile HTML page, a
 * real Word document) and one signed-in HTTP client per person and server.
 */
import { createHash } from 'node:crypto'
import { DEMO_PASSWORD } from '@appg-hub/db'
import { TRPCClientError } from '@trpc/client'
import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx'
import { httpClient } from './http-client'

export const demo = (local: string) => `${local}@demo.appg-hub.test`
export const PM = 'personalised-medicine'

export const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n',
)
export const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
)
export const HTML = new TextEncoder().encode(
  '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>',
)
export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

export type UploadAnswer = {
  file: {
    id: string
    chainId: string
    version: number
    name: string
    size: number
    mediaType: string
    sha256: string
  }
  error: { message: string }
}

/** One signed-in client per person and server: sign-ins are rate-limited per account. */
const people = new Map<string, ReturnType<typeof signIn>>()
export function person(url: string, email: string | null) {
  const key = `${url}|${email}`
  if (!people.has(key)) people.set(key, signIn(url, email))
  return people.get(key)!
}

async function signIn(url: string, email: string | null) {
  const { client, cookies } = httpClient(url)
  if (email) await client.auth.signIn.mutate({ email, password: DEMO_PASSWORD })
  const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  return {
    client,
    /** Uploads raw bytes as the panel does (XMLHttpRequest with X-File-Name). */
    async upload(
      path: string,
      name: string,
      bytes: Uint8Array<ArrayBuffer>,
      headers: Record<string, string> = {},
    ) {
      const response = await fetch(url + path, {
        method: 'POST',
        headers: {
          cookie: cookie(),
          origin: new URL(url).origin,
          'content-type': 'application/octet-stream',
          'x-file-name': encodeURIComponent(name),
          ...headers,
        },
        body: bytes,
      })
      return { status: response.status, body: (await response.json()) as UploadAnswer }
    },
    fetch(path: string, init: RequestInit = {}) {
      return fetch(url + path, { ...init, headers: { cookie: cookie(), ...(init.headers as object) } })
    },
  }
}

export async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise
  } catch (error) {
    if (error instanceof TRPCClientError) return error.data?.code
    throw error
  }
  return 'ok'
}

/** A real Word file: title, headings, emphasis, a link, both kinds of list, a table, an image. */
export async function wordFixture(withImage = false): Promise<Uint8Array<ArrayBuffer>> {
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'steps', levels: [{ level: 0, format: 'decimal', text: '%1.', alignment: 'start' }] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Screening evidence', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Background', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            children: [
              new TextRun('Screening finds '),
              new TextRun({ text: 'early', bold: true }),
              new TextRun(' cancers, '),
              new TextRun({ text: 'most', italics: true }),
              new TextRun(' of them. See '),
              new ExternalHyperlink({
                link: 'https://www.example.org/evidence',
                children: [new TextRun({ text: 'the evidence', style: 'Hyperlink' })],
              }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ text: 'Low-dose CT', bullet: { level: 0 } }),
          new Paragraph({ text: 'Genomic testing', bullet: { level: 0 } }),
          new Paragraph({ text: 'Invite', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: 'Scan', numbering: { reference: 'steps', level: 0 } }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('Region')] }),
                  new TableCell({ children: [new Paragraph('Uptake')] }),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('North')] }),
                  new TableCell({ children: [new Paragraph('61%')] }),
                ],
              }),
            ],
          }),
          ...(withImage
            ? [
                new Paragraph({
                  children: [
                    new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 } }),
                  ],
                }),
              ]
            : []),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}
