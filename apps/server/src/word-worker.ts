/**
 * The word Worker (wrangler.word.toml): Word conversion only, for the main Worker through its
 * `WORD` service binding (word-service.ts has the protocol). It has no routes of its own on the
 * internet (`workers_dev = false`), reads no database and knows no one: the main Worker checks who
 * may import or export before it asks.
 */
import { DomainError, type WordSource } from '@appg-hub/core'
import { localWordConverter } from '@appg-hub/core/files/word-converter-local'

function fileName(request: Request): string {
  try {
    return decodeURIComponent(request.headers.get('x-file-name') ?? '') || 'Imported document.docx'
  } catch {
    return 'Imported document.docx'
  }
}

async function convert(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url)
  if (request.method !== 'POST') return new Response('Only POST.\n', { status: 405 })
  if (pathname === '/to-markdown') {
    const bytes = new Uint8Array(await request.arrayBuffer())
    return Response.json(await localWordConverter.toMarkdown(bytes, fileName(request)))
  }
  if (pathname === '/to-word') {
    const bytes = await localWordConverter.toWord((await request.json()) as WordSource)
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    })
  }
  return new Response('Not found.\n', { status: 404 })
}

export default {
  async fetch(request: Request): Promise<Response> {
    try {
      return await convert(request)
    } catch (error) {
      if (error instanceof DomainError && error.code === 'BAD_REQUEST')
        return Response.json({ message: error.message }, { status: 400 })
      throw error
    }
  },
}
