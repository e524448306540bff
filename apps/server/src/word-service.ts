/**
 * The Word converter of the main Worker: the word Worker (word-worker.ts) through the `WORD` service
 * binding, so that the converting libraries are not in the main Worker's bundle. The protocol is
 * two POSTs: `/to-markdown` (the .docx bytes, the file name in `X-File-Name`) answers a
 * `ConvertedWord` as JSON, `/to-word` (a `WordSource` as JSON) answers the .docx bytes; a file that
 * cannot be read is a 400 whose JSON `message` becomes the same BAD_REQUEST as on Node.
 */
import {
  badRequest,
  type ConvertedWord,
  WordConversionUnavailable,
  type WordConverter,
  type WordSource,
} from '@appg-hub/core'

export interface ServiceBinding {
  fetch(request: Request): Promise<Response>
}

/** The host is a placeholder: a service binding delivers every request to the bound Worker. */
const ORIGIN = 'https://word.internal'

async function call(service: ServiceBinding, path: string, init: RequestInit): Promise<Response> {
  let response: Response
  try {
    response = await service.fetch(new Request(`${ORIGIN}${path}`, { method: 'POST', ...init }))
  } catch (error) {
    throw new WordConversionUnavailable(error instanceof Error ? error.message : String(error))
  }
  if (response.status === 400) {
    const { message } = (await response.json()) as { message?: string }
    throw badRequest(message ?? 'That file could not be converted.', 'file')
  }
  if (!response.ok) throw new WordConversionUnavailable(`the word Worker answered ${response.status}`)
  return response
}

export function serviceWordConverter(service: ServiceBinding): WordConverter {
  return {
    async toMarkdown(bytes: Uint8Array, fileName: string): Promise<ConvertedWord> {
      const response = await call(service, '/to-markdown', {
        body: bytes as Uint8Array<ArrayBuffer>,
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'x-file-name': encodeURIComponent(fileName),
        },
      })
      return (await response.json()) as ConvertedWord
    },
    async toWord(source: WordSource): Promise<Uint8Array> {
      const response = await call(service, '/to-word', {
        body: JSON.stringify(source),
        headers: { 'content-type': 'application/json' },
      })
      return new Uint8Array(await response.arrayBuffer())
    },
  }
}
