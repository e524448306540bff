import { newId } from '@appg-hub/db'
import { describe, expect } from 'vitest'
import { documentSnapshot, makeBriefing, PARAGRAPHS, paragraphs } from '../support/documents/fixtures'
import { callers } from '../support/fixtures'
import { dialects, hubTest } from '../support/hub-test'
import { makeTopic, refusal } from '../support/joint-work'
import { QueryCounter } from '../support/query-counter'
import { makeDocument } from '../support/sessions'

describe.each(dialects())('documents on $name', (dialect) => {
  const it = hubTest(dialect)

  it('a secretariat creates a draft; co-authors join through the handshake; rights follow docs/architecture.md §3', async ({
    db,
    world,
    api,
  }) => {
    const { id, revisionId } = await makeBriefing(api, world)
    const betaSecretariat = await api.as(world.people.betaSecretariat.id)
    const doc = await betaSecretariat.documents.get({ id })
    expect(doc).toMatchObject({
      id,
      kind: 'briefing',
      title: 'Lung cancer briefing',
      status: 'draft',
      owner: { slug: 'alpha' },
      coAuthors: [{ slug: 'beta' }],
      head: { id: revisionId, number: 1, author: { name: 'Alpha Secretariat' }, merged: false },
      can: { edit: true, publish: false, invite: false, comment: true },
    })
    expect(doc.bodyHtml).toContain('<h2>Lung cancer briefing</h2>')
    expect((await (await api.as(world.people.officer.id)).documents.get({ id })).can).toMatchObject({
      edit: true,
      publish: true,
    })
    expect((await (await api.as(world.people.betaMember.id)).documents.get({ id })).can.edit).toBe(false)

    const before = await documentSnapshot(db)
    const save = { id, baseRevisionId: revisionId, body: 'Overwritten' }
    expect(await refusal((await api.as(world.people.betaMember.id)).documents.save(save))).toBe('FORBIDDEN')
    expect(await refusal((await api.as(world.people.member.id)).documents.save(save))).toBe('FORBIDDEN')
    expect(await refusal((await api.as(world.people.gammaOfficer.id)).documents.save(save))).toBe('NOT_FOUND')
    expect(await refusal((await api.as(world.people.gammaOfficer.id)).documents.get({ id }))).toBe(
      'NOT_FOUND',
    )
    expect(await refusal((await api.as(null)).documents.get({ id }))).toBe('NOT_FOUND')
    expect(await refusal((await api.as(null)).documents.history({ id }))).toBe('NOT_FOUND')
    expect(await refusal((await api.as(world.people.betaSecretariat.id)).documents.publish({ id }))).toBe(
      'FORBIDDEN',
    )
    expect(await refusal((await api.as(world.people.betaOfficer.id)).documents.publish({ id }))).toBe(
      'FORBIDDEN',
    )
    expect(
      await refusal(
        (await api.as(world.people.member.id)).documents.create({
          groupSlug: 'alpha',
          kind: 'notes',
          title: 'x',
          body: '',
          visibility: 'participants',
        }),
      ),
    ).toBe('FORBIDDEN')
    expect(await refusal(betaSecretariat.documents.save({ ...save, baseRevisionId: newId() }))).toBe(
      'BAD_REQUEST',
    )
    expect(await documentSnapshot(db)).toEqual(before)

    // Lists show it to participants only.
    const gammaList = await (await api.as(world.people.gammaOfficer.id)).documents.listForGroup({
      slug: 'alpha',
    })
    expect(gammaList.items).toEqual([])
    const betaList = await betaSecretariat.documents.listForGroup({ slug: 'beta' })
    expect(betaList.items.map((d) => d.id)).toEqual([id])
  })

  it('saves: plain, merged when others saved other paragraphs, conflict on the same line, then resolved', async ({
    db,
    world,
    api,
  }) => {
    const { id, revisionId: r1 } = await makeBriefing(api, world)
    const alpha = await api.as(world.people.secretariat.id)
    const beta = await api.as(world.people.betaSecretariat.id)
    const base = paragraphs()

    const first = await alpha.documents.save({
      id,
      baseRevisionId: r1,
      body: base.replace('P1 original.', 'P1 by Alpha.'),
    })
    expect(first).toMatchObject({ status: 'saved', revision: { number: 2, merged: false } })
    // Beta started from revision 1 too, and changed another paragraph: merged.
    const second = await beta.documents.save({
      id,
      baseRevisionId: r1,
      body: base.replace('P20 original.', 'P20 by Beta.'),
    })
    expect(second).toMatchObject({ status: 'merged', revision: { number: 3, merged: true } })
    const head = await alpha.documents.get({ id })
    expect(head.body).toBe(
      base.replace('P1 original.', 'P1 by Alpha.').replace('P20 original.', 'P20 by Beta.'),
    )

    // Both change the shared sentence from revision 3: the second is told, with the three texts.
    if (second.status !== 'merged') throw new Error('expected a merge')
    const r3 = second.revision.id
    const mine = head.body.replace('Shared sentence.', 'Shared sentence, as Alpha wants it.')
    const theirs = head.body.replace('Shared sentence.', 'Shared sentence, as Beta wants it.')
    expect(await alpha.documents.save({ id, baseRevisionId: r3, body: mine })).toMatchObject({
      status: 'saved',
    })
    const before = await documentSnapshot(db)
    const clash = await beta.documents.save({ id, baseRevisionId: r3, body: theirs })
    expect(await documentSnapshot(db)).toEqual(before)
    expect(clash).toMatchObject({
      status: 'conflict',
      base: head.body,
      theirs: mine,
      yours: theirs,
      baseNumber: 3,
      headNumber: 4,
      conflicts: 1,
      // Both versions side by side, with who wrote each.
      theirsAuthors: [{ id: world.people.secretariat.id, name: 'Alpha Secretariat' }],
      yoursAuthor: { id: world.people.betaSecretariat.id, name: 'Beta Secretariat' },
    })
    if (clash.status !== 'conflict') throw new Error('expected a conflict')
    expect(clash.regions.filter((r) => 'yours' in r)).toEqual([
      { yours: ['Shared sentence, as Beta wants it.'], theirs: ['Shared sentence, as Alpha wants it.'] },
    ])
    const resolved = head.body.replace('Shared sentence.', 'Shared sentence, as both want it.')
    const third = await beta.documents.save({ id, baseRevisionId: clash.headRevisionId, body: resolved })
    expect(third).toMatchObject({ status: 'saved', revision: { number: 5 } })

    const history = await alpha.documents.history({ id })
    expect(history.items.map((h) => [h.number, h.author.name, h.merged, h.baseNumber])).toEqual([
      [5, 'Beta Secretariat', false, 4],
      [4, 'Alpha Secretariat', false, 3],
      [3, 'Beta Secretariat', true, 1],
      [2, 'Alpha Secretariat', false, 1],
      [1, 'Alpha Secretariat', false, null],
    ])
    const diff = await alpha.documents.diff({ id, from: 4, to: 5 })
    expect(diff).toMatchObject({ added: 1, removed: 1 })
    const removed = diff.lines.find((l) => l.kind === 'removed')
    const added = diff.lines.find((l) => l.kind === 'added')
    if (removed?.kind !== 'removed' || added?.kind !== 'added') throw new Error('no changed lines')
    expect(removed.parts.filter((p) => p.changed).map((p) => p.text)).toEqual(['Alpha', 'wants'])
    expect(added.parts.filter((p) => p.changed).map((p) => p.text)).toEqual(['both', 'want'])

    // Saving the same text again makes no revision; restoring an old one makes a new one.
    expect(
      await beta.documents.save({
        id,
        baseRevisionId: third.status === 'saved' ? third.revision.id : '',
        body: resolved,
      }),
    ).toMatchObject({ status: 'unchanged' })
    const restored = await alpha.documents.restore({ id, number: 1 })
    expect(restored).toMatchObject({ status: 'saved', revision: { number: 6 } })
    expect((await alpha.documents.get({ id })).body).toBe(base)
    expect((await alpha.documents.revision({ id, number: 2 })).body).toBe(
      base.replace('P1 original.', 'P1 by Alpha.'),
    )
  })

  it('concurrent saves: every accepted save survives, every refused one is a conflict', async ({
    db,
    world,
    api,
  }) => {
    const { id, revisionId: r1 } = await makeBriefing(api, world)
    const base = paragraphs()
    const editors = [
      world.people.secretariat,
      world.people.officer,
      world.people.chair,
      world.people.betaSecretariat,
      world.people.betaOfficer,
    ]
    const clients = await Promise.all(editors.map((p) => api.as(p.id)))
    const ATTEMPTS = 40
    // Saves 0–29 each change their own paragraph; saves 30–39 all change the shared sentence.
    const jobs = Array.from({ length: ATTEMPTS }, (_, i) => {
      const marker = i < PARAGRAPHS ? `P${i} edited by save ${i}.` : `Shared sentence by save ${i}.`
      const body =
        i < PARAGRAPHS ? base.replace(`P${i} original.`, marker) : base.replace('Shared sentence.', marker)
      return { i, marker, body }
    })
    const results = await Promise.all(
      jobs.map((job) =>
        clients[job.i % clients.length]!.documents.save({ id, baseRevisionId: r1, body: job.body }).then(
          (r) => ({ job, r }),
        ),
      ),
    )
    const accepted = results.filter((x) => x.r.status === 'saved' || x.r.status === 'merged')
    const conflicted = results.filter((x) => x.r.status === 'conflict')
    const merged = results.filter((x) => x.r.status === 'merged')
    const final = (await clients[0]!.documents.get({ id })).body
    const revisions = await db
      .selectFrom('revision')
      .select(['number', 'body'])
      .where('document_id', '=', id)
      .orderBy('number')
      .execute()
    // Lost: an accepted save whose change is neither in the final text nor kept by a later revision.
    const lost = accepted.filter((x) => !final.includes(x.job.marker))
    console.log(
      `[documents concurrency, ${dialect.name}] attempted=${ATTEMPTS} accepted=${accepted.length} merged=${merged.length} conflicted=${conflicted.length} lost=${lost.length} revisions=${revisions.length}`,
    )
    expect(lost).toEqual([])
    expect(accepted.length + conflicted.length).toBe(ATTEMPTS)
    expect(accepted.length).toBe(PARAGRAPHS + 1)
    expect(conflicted.every((x) => x.job.i >= PARAGRAPHS)).toBe(true)
    expect(revisions.map((r) => Number(r.number))).toEqual(
      Array.from({ length: accepted.length + 1 }, (_, i) => i + 1),
    )
    // Every paragraph's edit is in the final text, and exactly one shared-sentence edit.
    for (let i = 0; i < PARAGRAPHS; i++) expect(final).toContain(`P${i} edited by save ${i}.`)
    expect(final.match(/Shared sentence by save \d+\./g)).toHaveLength(1)
    // Each revision keeps what the one before it had, apart from its own change.
    for (const x of accepted) {
      if (x.r.status !== 'saved' && x.r.status !== 'merged') continue
      const n = x.r.revision.number
      for (const later of revisions.filter((r) => Number(r.number) >= n))
        expect(later.body).toContain(x.job.marker)
    }
  })

  it('markdown references and explicit links; restricted items never show their titles', async ({
    db,
    world,
    api,
  }) => {
    const alphaTopic = await makeTopic(api, world, { title: 'Alpha public topic', visibility: 'public' })
    const gammaTopic = await makeTopic(api, world, {
      title: 'Gamma secret topic',
      by: world.people.gammaOfficer.id,
      groupSlug: 'gamma',
    })
    const { id, revisionId } = await makeBriefing(api, world, { topicId: alphaTopic })
    const alpha = await api.as(world.people.secretariat.id)
    const body = `${paragraphs(2)}\n\nSee [[topic:${gammaTopic}]] and http://localhost:3000/topics/${alphaTopic} and [[doc:nope]].`
    await alpha.documents.save({ id, baseRevisionId: revisionId, body })
    const doc = await alpha.documents.get({ id })
    // A reference to an item the author may not read links nothing: saving is no probe for ids.
    expect(doc.links.map((l) => [l.itemType, l.linkType, l.origin, l.restricted, l.title])).toEqual(
      expect.arrayContaining([
        ['topic', 'briefing_for', 'explicit', false, 'Alpha public topic'],
        ['topic', 'references', 'markdown', false, 'Alpha public topic'],
      ]),
    )
    expect(doc.links).toHaveLength(2)
    expect(await db.selectFrom('link').select('id').where('to_id', '=', gammaTopic).execute()).toEqual([])
    expect(JSON.stringify(doc)).not.toContain('Gamma secret topic')
    expect(doc.bodyHtml).toContain(`<a class="item-ref" href="/topics/${gammaTopic}">topic:${gammaTopic}</a>`)

    // So the gamma topic's page shows nothing of alpha's draft.
    const gammaOfficer = await api.as(world.people.gammaOfficer.id)
    const gt = await gammaOfficer.topics.get({ id: gammaTopic })
    expect(gt.links).toEqual([])
    expect(JSON.stringify(gt)).not.toContain('Lung cancer briefing')
    expect(await gammaOfficer.documents.listForTopic({ topicId: gammaTopic })).toEqual([])
    // Signed out, the public topic lists nothing of the draft either.
    const anon = await api.as(null)
    const at = await anon.topics.get({ id: alphaTopic })
    // A backlink from an item the reader may not read is not shown at all, not even as restricted.
    expect(at.links).toEqual([])
    expect(JSON.stringify(at)).not.toContain(id)
    expect(JSON.stringify(at)).not.toContain('Lung cancer briefing')
    expect(await anon.documents.listForTopic({ topicId: alphaTopic })).toEqual([])
    // Alpha's people see the briefing on the topic.
    expect((await alpha.documents.listForTopic({ topicId: alphaTopic })).map((d) => d.title)).toEqual([
      'Lung cancer briefing',
    ])
    expect((await alpha.topics.get({ id: alphaTopic })).links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ direction: 'in', title: 'Lung cancer briefing', path: `/documents/${id}` }),
      ]),
    )

    // A minutes_of row as the sessions work writes it (document → session) is listed too.
    const sessionId = newId()
    await db
      .insertInto('link')
      .values({
        id: newId(),
        from_type: 'document',
        from_id: id,
        to_type: 'meeting',
        to_id: sessionId,
        link_type: 'minutes_of',
        origin: 'explicit',
        created_by: world.people.officer.id,
        created_at: new Date().toISOString(),
      })
      .execute()
    const withMinutes = await alpha.documents.get({ id })
    expect(withMinutes.links.find((l) => l.linkType === 'minutes_of')).toMatchObject({
      itemType: 'meeting',
      itemId: '',
      restricted: true,
      title: null,
    })
    expect(JSON.stringify(withMinutes.links)).not.toContain(sessionId)

    // Removing the reference removes its markdown link; explicit links stay until unlinked.
    const head = (await alpha.documents.get({ id })).head.id
    await alpha.documents.save({ id, baseRevisionId: head, body: paragraphs(2) })
    const after = await alpha.documents.get({ id })
    expect(after.links.map((l) => l.origin).sort()).toEqual(['explicit', 'explicit'])
    // Explicit links: only to what one may read; unlink removes it.
    expect(
      await refusal(alpha.documents.link({ id, toType: 'topic', toId: gammaTopic, linkType: 'references' })),
    ).toBe('NOT_FOUND')
    const { linkId } = await alpha.documents.link({
      id,
      toType: 'topic',
      toId: alphaTopic,
      linkType: 'references',
    })
    expect((await alpha.documents.get({ id })).links).toHaveLength(3)
    expect(await refusal((await api.as(world.people.member.id)).documents.unlink({ id, linkId }))).toBe(
      'FORBIDDEN',
    )
    await alpha.documents.unlink({ id, linkId })
    expect((await alpha.documents.get({ id })).links).toHaveLength(2)

    // A link belongs to its source: the target's editors cannot remove another group's link.
    const gammaDoc = await makeDocument(db, world.gamma.id, world.people.gammaOfficer.id, 'Gamma notes')
    const intoAlpha = newId()
    await db
      .insertInto('link')
      .values({
        id: intoAlpha,
        from_type: 'document',
        from_id: gammaDoc,
        to_type: 'document',
        to_id: id,
        link_type: 'references',
        origin: 'explicit',
        created_by: world.people.gammaOfficer.id,
        created_at: new Date().toISOString(),
      })
      .execute()
    expect(await refusal(alpha.documents.unlink({ id, linkId: intoAlpha }))).toBe('FORBIDDEN')
    expect(await db.selectFrom('link').select('id').where('id', '=', intoAlpha).execute()).toHaveLength(1)
    // …and alpha, who may not read gamma's draft, does not see it link here.
    expect((await alpha.documents.get({ id })).links.map((l) => l.direction)).not.toContain('in')
  })

  it('publishing: officers of every group consent; a published public document is public with the required notice', async ({
    db,
    world,
    api,
  }) => {
    const { id } = await makeBriefing(api, world, { visibility: 'public' })
    const anon = await api.as(null)
    // Public but draft: still private.
    expect(await refusal(anon.documents.get({ id }))).toBe('NOT_FOUND')
    expect((await anon.documents.listForGroup({ slug: 'alpha' })).items).toEqual([])
    expect(await refusal(anon.documents.listForGroup({ slug: 'nope' }))).toBe('NOT_FOUND')
    await db
      .insertInto('benefit')
      .values({
        id: newId(),
        appg_id: world.alpha.id,
        source: 'PHG Foundation',
        description: 'Secretariat services',
        value_band: '£12,001-£13,500',
        received: null,
        registered: null,
        benefit_type: 'In kind',
        position: 0,
      })
      .execute()
    const officer = await api.as(world.people.officer.id)
    // Beta co-authors it: nothing is public until beta's officer consents too.
    const asked = await officer.documents.publish({ id })
    expect(asked).toMatchObject({ status: 'draft', publication: { status: 'pending' } })
    expect(await refusal(anon.documents.get({ id }))).toBe('NOT_FOUND')
    await (await api.as(world.people.betaOfficer.id)).publication.approve({ id: asked.publication!.id })
    const pub = await anon.documents.get({ id })
    expect(pub).toMatchObject({
      status: 'published',
      can: { edit: false, publish: false },
      presence: [],
      publication: {
        groups: [
          { slug: 'alpha', funders: [{ source: 'PHG Foundation', description: 'Secretariat services' }] },
          { slug: 'beta', funders: [] },
        ],
      },
    })
    expect(pub.publication?.notice).toContain('not an official publication')
    expect((await anon.documents.listForGroup({ slug: 'alpha' })).items.map((d) => d.id)).toEqual([id])
    // The public reads the published text, not the drafts before it.
    expect(await refusal(anon.documents.history({ id }))).toBe('FORBIDDEN')
    expect(await refusal(anon.documents.revision({ id, number: 1 }))).toBe('FORBIDDEN')
    expect(await refusal(anon.documents.diff({ id, from: 1, to: 1 }))).toBe('FORBIDDEN')
    expect(await refusal((await api.as(world.people.gammaOfficer.id)).documents.history({ id }))).toBe(
      'FORBIDDEN',
    )
    expect((await (await api.as(world.people.betaMember.id)).documents.history({ id })).items).toHaveLength(1)
    await officer.documents.unpublish({ id })
    expect(await refusal(anon.documents.get({ id }))).toBe('NOT_FOUND')
  })

  it('presence: who else has it open in the last 30 s, and the head number', async ({ world, api }) => {
    const { id, revisionId } = await makeBriefing(api, world)
    const alpha = await api.as(world.people.secretariat.id)
    const beta = await api.as(world.people.betaSecretariat.id)
    expect(await alpha.documents.presence({ id })).toMatchObject({ others: [], headNumber: 1 })
    expect((await beta.documents.presence({ id })).others.map((p) => p.name)).toEqual(['Alpha Secretariat'])
    await alpha.documents.save({ id, baseRevisionId: revisionId, body: 'changed' })
    expect(await beta.documents.presence({ id })).toMatchObject({ headNumber: 2 })
    expect((await beta.documents.get({ id })).presence.map((p) => p.name)).toEqual(['Alpha Secretariat'])
    api.clock.advance(31_000)
    expect((await beta.documents.presence({ id })).others).toEqual([])
    expect(await refusal((await api.as(world.people.gammaOfficer.id)).documents.presence({ id }))).toBe(
      'NOT_FOUND',
    )
  })

  it('XSS corpus: nothing executable is rendered, and the source is kept whole', async ({ world, api }) => {
    const { XSS_PAYLOADS } = await import('../support/documents/xss')
    const body = XSS_PAYLOADS.join('\n\n')
    const { id, revisionId } = await makeBriefing(api, world, { body, coAuthor: false })
    const alpha = await api.as(world.people.secretariat.id)
    const doc = await alpha.documents.get({ id })
    expect(doc.body).toBe(body)
    expect(doc.head.id).toBe(revisionId)
    const html = doc.bodyHtml
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(
      /<(img|svg|iframe|object|embed|math|style|link|meta|base|form|input|details|video|audio)\b/i,
    )
    expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i)
    expect(html).not.toMatch(/href\s*=\s*"\s*(javascript|vbscript|data):/i)
    expect((await alpha.documents.preview({ body })).html).toBe(html)
  })

  it('query counts: get, save and presence stay small', async ({ db, world, api }) => {
    const counter = new QueryCounter()
    const counted = callers(db.withPlugin(counter), api.clock)
    const { id, revisionId } = await makeBriefing(api, world)
    const alpha = await counted.as(world.people.secretariat.id)
    const get = await counter.measure(() => alpha.documents.get({ id }))
    const save = await counter.measure(() =>
      alpha.documents.save({ id, baseRevisionId: revisionId, body: 'x' }),
    )
    const presence = await counter.measure(() => alpha.documents.presence({ id }))
    // Session, then the document with its groups, links, presence and funders in one query (a
    // third only to name linked items); save: session, item, base, head, tx (begin, update,
    // insert, link sync, audit, commit).
    expect({ get, save, presence }).toEqual({
      get: 2,
      save: expect.any(Number),
      presence: expect.any(Number),
    })
    expect(save).toBeLessThanOrEqual(11)
    expect(presence).toBeLessThanOrEqual(6)
    // An old revision and a diff from an address: the session, the expensive-work charge to the
    // address and the person in one statement, the document with its revisions in one query.
    // A new caller for each, as each HTTP request checks its session.
    const fromAddress = () => counted.as(world.people.secretariat.id, { clientAddress: '192.0.2.7' })
    const revisionCaller = await fromAddress()
    const diffCaller = await fromAddress()
    const revision = await counter.measure(() => revisionCaller.documents.revision({ id, number: 1 }))
    const diff = await counter.measure(() => diffCaller.documents.diff({ id, from: 1, to: 2 }))
    expect({ revision, diff }).toEqual({ revision: 3, diff: 3 })
    expect(
      (
        await db
          .selectFrom('rate_limit')
          .select(['key', 'count'])
          .where('key', 'like', 'expensive%')
          .execute()
      )
        .map((r) => [r.key.split('|')[1], Number(r.count)])
        .sort(),
    ).toEqual(
      [
        ['192.0.2.7', 2],
        [world.people.secretariat.id.toLowerCase(), 2],
      ].sort(),
    )
    // Published, with a working draft since: the approved revision and every group's notice
    // (contacts, secretariat, funders) come in the same one query, for the public and the groups.
    const published = await makeBriefing(api, world, { coAuthor: false })
    await (await api.as(world.people.officer.id)).documents.publish({
      id: published.id,
      visibility: 'public',
    })
    await (await api.as(world.people.secretariat.id)).documents.save({
      id: published.id,
      baseRevisionId: published.revisionId,
      body: 'the working draft',
    })
    // A new caller for each read, as each HTTP request checks its session (signed out: none).
    const anonymous = await counted.as(null)
    const group = await counted.as(world.people.secretariat.id)
    let outside: Awaited<ReturnType<typeof anonymous.documents.get>> | undefined
    let inside: typeof outside
    const outsideGet = await counter.measure(async () => {
      outside = await anonymous.documents.get({ id: published.id })
    })
    const insideGet = await counter.measure(async () => {
      inside = await group.documents.get({ id: published.id })
    })
    expect({ outsideGet, insideGet }).toEqual({ outsideGet: 1, insideGet: 2 })
    expect(outside).toMatchObject({ head: { number: 1 }, changesSincePublication: null })
    expect(outside?.publication?.groups.map((g) => g.slug)).toEqual(['alpha'])
    expect(inside).toMatchObject({ head: { number: 2 }, body: 'the working draft', published: { number: 1 } })
    expect(inside?.changesSincePublication).not.toBeNull()
  })
})
