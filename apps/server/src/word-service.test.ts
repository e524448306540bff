import { DomainError, WordConversionUnavailable, type WordSource } from '@appg-hub/core'
import { describe, expect, it } from 'vitest'
import { serviceWordConverter } from './word-service'
import wordWorker from './word-worker'

/** The word Worker called in-process, as the main Worker calls it through the WORD binding. */
const converter = serviceWordConverter({ fetch: (request) => wordWorker.fetch(request) })

const source: WordSource = {
  title: 'Screening evidence',
  subtitle: 'Briefing · APPG on Cancer · Draft, revision 2',
  creator: 'APPG on Cancer',
  body: '## Findings\n\nScreening saves **lives**.\n\n| Area | Uptake |\n| --- | --- |\n| North | 71% |\n',
  publication: null,
}

describe('Word conversion through the word Worker’s protocol', () => {
  it('writes a .docx and reads it back, title and Markdown whole, over the binding', async () => {
    const bytes = await converter.toWord(source)
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04])
    const read = await converter.toMarkdown(bytes, 'Screening.docx')
    // The export's title is Word's Title style, not a first heading: the file name names it.
    expect(read.title).toBe('Screening')
    expect(read.markdown).toContain('Screening evidence')
    expect(read.markdown).toContain('## Findings')
    expect(read.markdown).toContain('Screening saves **lives**.')
    expect(read.markdown).toMatch(/\| North \| 71% \|/)
  })

  it('turns a file it cannot read into the same BAD_REQUEST as on Node', async () => {
    const notWord = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6])
    const refused = await converter.toMarkdown(notWord, 'broken.docx').catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(DomainError)
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', field: 'file' })
    expect((refused as Error).message).toMatch(/could not be read as a Word/)
  })

  it('says conversion is unavailable when the word Worker cannot be reached or fails', async () => {
    const unreachable = serviceWordConverter({
      fetch: () => Promise.reject(new Error('no such service')),
    })
    await expect(unreachable.toWord(source)).rejects.toBeInstanceOf(WordConversionUnavailable)
    const failing = serviceWordConverter({ fetch: async () => new Response('boom', { status: 500 }) })
    await expect(failing.toMarkdown(new Uint8Array([0x50, 0x4b, 3, 4]), 'x.docx')).rejects.toThrow(
      /not available.*500/,
    )
  })

  it('answers only its two POSTs', async () => {
    expect((await wordWorker.fetch(new Request('https://word.internal/to-word'))).status).toBe(405)
    expect(
      (await wordWorker.fetch(new Request('https://word.internal/other', { method: 'POST' }))).status,
    ).toBe(404)
  })
})
