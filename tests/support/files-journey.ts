/**
 * Attached files over real HTTP, as the web client sends them: the same suite runs against the
 * Node server (disk store; SQLite and MySQL) and the Worker on workerd (R2; PlanetScale protocol).
 * The server must run with `MAX_UPLOAD_MB` = 1 and `GROUP_QUOTA_MB` = 4 (FILES_LIMITS).
 */
import type { Db } from '@appg-hub/db'
import mammoth from 'mammoth'
import { expect, it } from 'vitest'
import { demo, HTML, PDF, PM, PNG, person, refusal, sha256, wordFixture } from './files-samples'

export const FILES_LIMITS = { maxUploadMb: 1, groupQuotaMb: 4 }

export function filesJourney(server: () => { url: string; db: Db }) {
  /** A participants-only topic of Personalised Medicine, made by its secretariat. */
  async function topic(visibility: 'participants' | 'public' = 'participants') {
    const secretariat = await person(server().url, demo('secretariat'))
    const { id } = await secretariat.client.topics.create.mutate({
      groupSlug: PM,
      title: `Evidence for screening ${Math.random().toString(36).slice(2, 8)}`,
      summary: 'Where we keep the evidence.',
      tags: [],
      visibility,
    })
    return { id, secretariat }
  }

  it('uploads files to a topic and serves them back, sandboxed, with their checksum', async () => {
    const { id, secretariat } = await topic()
    const pdf = await secretariat.upload(`/files/topic/${id}`, 'Evidence pack.pdf', PDF)
    expect(pdf.status).toBe(201)
    expect(pdf.body.file).toMatchObject({
      name: 'Evidence pack.pdf',
      size: PDF.byteLength,
      mediaType: 'application/pdf',
      sha256: sha256(PDF),
      version: 1,
    })
    const png = await secretariat.upload(`/files/topic/${id}`, 'chart.png', PNG)
    expect(png.body.file.mediaType).toBe('image/png')
    const csv = await secretariat.upload(
      `/files/topic/${id}`,
      'Réponses – 2026.csv',
      new TextEncoder().encode('région,taux\nNord,61\n'),
    )
    expect(csv.body.file).toMatchObject({ mediaType: 'text/csv', name: 'Réponses – 2026.csv' })

    const list = await secretariat.client.files.list.query({ targetType: 'topic', targetId: id })
    expect(list.canUpload).toBe(true)
    expect(list.items.map((f) => f.name).sort()).toEqual([
      'Evidence pack.pdf',
      'Réponses – 2026.csv',
      'chart.png',
    ])
    const listed = list.items.find((f) => f.name === 'Evidence pack.pdf')!
    expect(listed).toMatchObject({
      typeName: 'PDF',
      uploadedBy: { name: expect.any(String) },
      canRemove: true,
    })

    const download = await secretariat.fetch(listed.url)
    expect(download.status).toBe(200)
    expect(download.headers.get('content-type')).toBe('application/pdf')
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="Evidence pack.pdf"')
    expect(download.headers.get('x-content-type-options')).toBe('nosniff')
    expect(download.headers.get('content-security-policy')).toMatch(/^sandbox;/)
    expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(sha256(PDF))

    const image = await secretariat.fetch(list.items.find((f) => f.name === 'chart.png')!.url)
    expect(image.headers.get('content-disposition')).toBe('inline; filename="chart.png"')
    expect(image.headers.get('content-security-policy')).toMatch(/^sandbox;/)
    const text = await secretariat.fetch(list.items.find((f) => f.mediaType === 'text/csv')!.url)
    expect(text.headers.get('content-disposition')).toBe(
      `attachment; filename="R_ponses _ 2026.csv"; filename*=UTF-8''R%C3%A9ponses%20%E2%80%93%202026.csv`,
    )
    expect(await text.text()).toBe('région,taux\nNord,61\n')
  })

  it('judges a file by its bytes: HTML named .pdf, binary named .txt and unknown types are refused', async () => {
    const { id, secretariat } = await topic()
    const spoof = await secretariat.upload(`/files/topic/${id}`, 'minutes.pdf', HTML)
    expect(spoof.status).toBe(415)
    expect(spoof.body.error.message).toMatch(/Judging by its content, this file is not one the hub accepts/)
    expect(
      (await secretariat.upload(`/files/topic/${id}`, 'notes.txt', Uint8Array.from([104, 105, 0, 1]))).status,
    ).toBe(415)
    expect(
      (await secretariat.upload(`/files/topic/${id}`, 'page.html', new TextEncoder().encode('hello'))).status,
    ).toBe(415)
    expect(
      (
        await secretariat.upload(
          `/files/topic/${id}`,
          'latin1.txt',
          Uint8Array.from([0x63, 0x61, 0x66, 0xe9]),
        )
      ).status,
    ).toBe(415)
    const list = await secretariat.client.files.list.query({ targetType: 'topic', targetId: id })
    expect(list.items).toEqual([])
  })

  it('refuses empty and oversized files, and cleans names of paths and control characters', async () => {
    const { id, secretariat } = await topic()
    const empty = await secretariat.upload(`/files/topic/${id}`, 'empty.pdf', new Uint8Array(0))
    expect(empty.status).toBe(400)
    expect(empty.body.error.message).toMatch(/empty/)
    const big = new Uint8Array(FILES_LIMITS.maxUploadMb * 1024 * 1024 + 1)
    big.set(PDF)
    const oversized = await secretariat.upload(`/files/topic/${id}`, 'big.pdf', big)
    expect(oversized.status).toBe(413)
    expect(oversized.body.error.message).toMatch(/up to 1\.0 MB/)

    const named = await secretariat.upload(`/files/topic/${id}`, '../../etc/pass\u0007wd\u202Etxt.pdf', PDF)
    expect(named.status).toBe(201)
    expect(named.body.file.name).toBe('passwdtxt.pdf')
    const windows = await secretariat.upload(`/files/topic/${id}`, 'C:\\Users\\me\\"report".pdf', PDF)
    expect(windows.body.file.name).toBe('_report_.pdf')
    const dotted = await secretariat.upload(`/files/topic/${id}`, '/\u0000/..', PDF)
    expect(dotted.status).toBe(400)
    const noName = await secretariat.fetch(`/files/topic/${id}`, {
      method: 'POST',
      headers: { origin: new URL(server().url).origin, 'content-type': 'application/pdf' },
      body: PDF,
    })
    expect(noName.status).toBe(400)
    const badEncoding = await secretariat.upload(`/files/topic/${id}`, 'x.pdf', PDF, {
      'x-file-name': '%E0%A4%A',
    })
    expect(badEncoding.status).toBe(400)
    expect((await secretariat.upload('/files/topic/no-such-topic', 'x.pdf', PDF)).status).toBe(404)
  })

  it('takes concurrent uploads, each whole and listed once', async () => {
    const { id, secretariat } = await topic()
    const bodies = Array.from({ length: 6 }, (_, i) =>
      new TextEncoder().encode(`row,value\n${i},${'x'.repeat(1000 * i)}\n`),
    )
    const results = await Promise.all(
      bodies.map((b, i) => secretariat.upload(`/files/topic/${id}`, `table-${i}.csv`, b)),
    )
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201))
    const list = await secretariat.client.files.list.query({ targetType: 'topic', targetId: id })
    expect(list.items).toHaveLength(6)
    for (const [i, body] of bodies.entries()) {
      const file = list.items.find((f) => f.name === `table-${i}.csv`)!
      expect(file.sha256).toBe(sha256(body))
      expect(sha256(new Uint8Array(await (await secretariat.fetch(file.url)).arrayBuffer()))).toBe(
        sha256(body),
      )
    }
  })

  it('keeps old versions, deletes softly with an audit event, and refuses cross-site uploads', async () => {
    const { id, secretariat } = await topic()
    const first = await secretariat.upload(
      `/files/topic/${id}`,
      'agenda.txt',
      new TextEncoder().encode('one'),
    )
    const second = await secretariat.upload(
      `/files/topic/${id}?replaces=${first.body.file.id}`,
      'agenda v2.txt',
      new TextEncoder().encode('two'),
    )
    expect(second.body.file).toMatchObject({ version: 2, chainId: first.body.file.id })
    const [file] = (await secretariat.client.files.list.query({ targetType: 'topic', targetId: id })).items
    expect(file!.versions.map((v) => [v.version, v.name])).toEqual([
      [2, 'agenda v2.txt'],
      [1, 'agenda.txt'],
    ])
    expect(await (await secretariat.fetch(file!.versions[1]!.url)).text()).toBe('one')

    const crossSite = await secretariat.upload(`/files/topic/${id}`, 'x.pdf', PDF, {
      origin: 'https://evil.example',
    })
    expect(crossSite.status).toBe(403)

    expect(await secretariat.client.files.remove.mutate({ id: file!.id })).toEqual({ removed: 2 })
    expect((await secretariat.client.files.list.query({ targetType: 'topic', targetId: id })).items).toEqual(
      [],
    )
    expect((await secretariat.fetch(file!.versions[1]!.url)).status).toBe(404)
    const rows = await server()
      .db.selectFrom('attachment')
      .select(['deleted_at', 'deleted_by'])
      .where('chain_id', '=', first.body.file.id)
      .execute()
    expect(rows).toHaveLength(2)
    expect(rows.every((r) => r.deleted_at && r.deleted_by)).toBe(true)
    const events = await server()
      .db.selectFrom('audit_event')
      .select('action')
      .where('item_id', '=', id)
      .execute()
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['file.uploaded', 'file.versioned', 'file.deleted']),
    )
  })

  it('lets exactly the item’s readers list and download its files', async () => {
    const { id, secretariat } = await topic()
    const { body } = await secretariat.upload(`/files/topic/${id}`, 'private.pdf', PDF)
    const url = `/files/${body.file.id}/private.pdf`
    const member = await person(server().url, demo('member'))
    const outsider = await person(server().url, demo('cancer-member'))
    const anonymous = await person(server().url, null)
    const admin = await person(server().url, demo('admin'))

    expect((await member.client.files.list.query({ targetType: 'topic', targetId: id })).canUpload).toBe(
      false,
    )
    expect((await member.fetch(url)).status).toBe(200)
    expect((await member.upload(`/files/topic/${id}`, 'mine.pdf', PDF)).status).toBe(403)
    expect(await refusal(member.client.files.remove.mutate({ id: body.file.id }))).toBe('FORBIDDEN')
    for (const stranger of [outsider, anonymous]) {
      expect(await refusal(stranger.client.files.list.query({ targetType: 'topic', targetId: id }))).toBe(
        'NOT_FOUND',
      )
      expect(await refusal(stranger.client.files.get.query({ id: body.file.id }))).toBe('NOT_FOUND')
      expect((await stranger.fetch(url)).status).toBe(404)
    }
    expect((await outsider.upload(`/files/topic/${id}`, 'x.pdf', PDF)).status).toBe(404)
    expect((await anonymous.upload(`/files/topic/${id}`, 'x.pdf', PDF)).status).toBe(401)
    expect((await admin.fetch(url)).status).toBe(200)

    // A public topic's files are public.
    const open = await topic('public')
    const shared = await open.secretariat.upload(`/files/topic/${open.id}`, 'public.pdf', PDF)
    expect(
      (await anonymous.client.files.list.query({ targetType: 'topic', targetId: open.id })).items,
    ).toHaveLength(1)
    expect((await anonymous.fetch(`/files/${shared.body.file.id}/public.pdf`)).status).toBe(200)
  })

  it('keeps a draft document’s files private until it is published', async () => {
    const secretariat = await person(server().url, demo('secretariat'))
    const chair = await person(server().url, demo('chair'))
    const doc = await secretariat.client.documents.create.mutate({
      groupSlug: PM,
      kind: 'report',
      title: 'Report with annexes',
      body: 'Text.',
      visibility: 'public',
    })
    const { body } = await secretariat.upload(`/files/document/${doc.id}`, 'annex.pdf', PDF)
    const anonymous = await person(server().url, null)
    expect((await anonymous.fetch(`/files/${body.file.id}/annex.pdf`)).status).toBe(404)
    await chair.client.documents.publish.mutate({ id: doc.id })
    expect((await anonymous.fetch(`/files/${body.file.id}/annex.pdf`)).status).toBe(200)
    expect((await anonymous.upload(`/files/document/${doc.id}`, 'x.pdf', PDF)).status).toBe(401)
  })

  it('attaches files to a comment: its author uploads, moderators and the author delete', async () => {
    const { id } = await topic()
    const member = await person(server().url, demo('member'))
    const observer = await person(server().url, demo('observer'))
    const officer = await person(server().url, demo('officer'))
    const comment = await member.client.comments.add.mutate({
      itemType: 'topic',
      itemId: id,
      body: 'The slides.',
    })
    const up = await member.upload(`/files/comment/${comment.id}`, 'slides.pdf', PDF)
    expect(up.status).toBe(201)
    expect((await observer.upload(`/files/comment/${comment.id}`, 'mine.pdf', PDF)).status).toBe(403)
    expect(
      (await observer.client.files.list.query({ targetType: 'comment', targetId: comment.id })).items,
    ).toHaveLength(1)
    expect((await observer.fetch(`/files/${up.body.file.id}/slides.pdf`)).status).toBe(200)
    // A hidden comment's files go with its words: only moderators still see them.
    await officer.client.comments.hide.mutate({ id: comment.id, reason: 'Off topic' })
    expect(
      await refusal(observer.client.files.list.query({ targetType: 'comment', targetId: comment.id })),
    ).toBe('NOT_FOUND')
    expect((await observer.fetch(`/files/${up.body.file.id}/slides.pdf`)).status).toBe(404)
    expect((await member.fetch(`/files/${up.body.file.id}/slides.pdf`)).status).toBe(404)
    expect((await officer.fetch(`/files/${up.body.file.id}/slides.pdf`)).status).toBe(200)
    expect(await officer.client.files.remove.mutate({ id: up.body.file.id })).toEqual({ removed: 1 })
  })

  it('imports a Word file as a document, keeping its structure, and exports it back', async () => {
    const secretariat = await person(server().url, demo('secretariat'))
    const response = await secretariat.fetch(
      `/documents/import-word?group=${PM}&kind=briefing&visibility=participants`,
      {
        method: 'POST',
        headers: {
          origin: new URL(server().url).origin,
          'x-file-name': encodeURIComponent('Screening.docx'),
        },
        body: await wordFixture(true),
      },
    )
    expect(response.status).toBe(201)
    const imported = (await response.json()) as { id: string; title: string; report: string[] }
    expect(imported.title).toBe('Screening evidence')
    expect(imported.report.join(' ')).toMatch(/One image was left out/)
    const doc = await secretariat.client.documents.get.query({ id: imported.id })
    expect(doc.kind).toBe('briefing')
    expect(doc.body).toContain('## Background')
    expect(doc.body).toContain('**early**')
    expect(doc.body).toContain('_most_')
    expect(doc.body).toContain('[the evidence](https://www.example.org/evidence)')
    expect(doc.body).toMatch(/^- {1,3}Low-dose CT$/m)
    expect(doc.body).toMatch(/^1\. {1,2}Invite$/m)
    expect(doc.body).toMatch(/^\| Region \| Uptake \|$/m)
    expect(doc.body).toMatch(/^\| North \| 61% \|$/m)

    const exported = await secretariat.fetch(`/documents/${imported.id}/export.docx`)
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="Screening evidence.docx"')
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(await exported.arrayBuffer()) })).value
    expect(html).toContain('<h2>Background</h2>')
    expect(html).toContain('<strong>early</strong>')
    expect(html).toContain('<em>most</em>')
    expect(html).toContain('<a href="https://www.example.org/evidence">the evidence</a>')
    expect(html).toMatch(/<ul><li>Low-dose CT<\/li><li>Genomic testing<\/li><\/ul>/)
    expect(html).toMatch(/<ol><li>Invite<\/li><li>Scan<\/li><\/ol>/)
    expect(html).toMatch(/<table>.*Region.*Uptake.*North.*61%.*<\/table>/)
    expect(html).not.toContain('not an official publication')

    // Published: the notice goes with it. Readers outside the groups get nothing.
    const chair = await person(server().url, demo('chair'))
    await chair.client.documents.publish.mutate({ id: imported.id, visibility: 'public' })
    const published = await (await person(server().url, null)).fetch(`/documents/${imported.id}/export.docx`)
    expect(published.status).toBe(200)
    const publishedHtml = (
      await mammoth.convertToHtml({ buffer: Buffer.from(await published.arrayBuffer()) })
    ).value
    expect(publishedHtml).toContain('This is not an official publication')
    const draft = await secretariat.client.documents.create.mutate({
      groupSlug: PM,
      kind: 'notes',
      title: 'Private',
      body: 'x',
      visibility: 'participants',
    })
    expect(
      (await (await person(server().url, demo('cancer-member'))).fetch(`/documents/${draft.id}/export.docx`))
        .status,
    ).toBe(404)
  })

  it('refuses a Word import that is not a .docx, or by someone who may not create documents', async () => {
    const member = await person(server().url, demo('member'))
    const secretariat = await person(server().url, demo('secretariat'))
    const post = (who: typeof member, body: Uint8Array<ArrayBuffer>) =>
      who.fetch(`/documents/import-word?group=${PM}&kind=notes`, {
        method: 'POST',
        headers: { origin: new URL(server().url).origin, 'x-file-name': 'x.docx' },
        body,
      })
    expect((await post(secretariat, PDF)).status).toBe(400)
    expect((await post(member, await wordFixture())).status).toBe(403)
  })

  it('counts each group’s storage against its quota and shows it to officers', async () => {
    const officer = await person(server().url, demo('officer'))
    const member = await person(server().url, demo('member'))
    const usage = await officer.client.files.usage.query({ groupSlug: PM })
    expect(usage.quotaBytes).toBe(FILES_LIMITS.groupQuotaMb * 1024 * 1024)
    expect(await refusal(member.client.files.usage.query({ groupSlug: PM }))).toBe('FORBIDDEN')

    const { id, secretariat } = await topic()
    expect((await secretariat.upload(`/files/topic/${id}`, 'receipt.pdf', PDF)).status).toBe(201)
    const counted = await officer.client.files.usage.query({ groupSlug: PM })
    expect(counted.usedBytes).toBe(usage.usedBytes + PDF.byteLength)
    const chunk = new Uint8Array(FILES_LIMITS.maxUploadMb * 1024 * 1024 - 1024)
    chunk.set(PDF)
    let status = 201
    for (let i = 0; i < FILES_LIMITS.groupQuotaMb + 1 && status === 201; i++)
      status = (await secretariat.upload(`/files/topic/${id}`, `scan-${i}.pdf`, chunk)).status
    expect(status).toBe(413)
    const after = await officer.client.files.usage.query({ groupSlug: PM })
    expect(after.usedBytes).toBeLessThanOrEqual(after.quotaBytes)
  })
}
