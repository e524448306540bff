import { COMMENT_PAGE_SIZE } from '@appg-hub/core'
import { describe, expect } from 'vitest'
import { dialects, type HubContext, hubTest } from '../support/hub-test'
import { joinTopic, jointSnapshot, makeTopic, refusal, refused } from '../support/joint-work'

const mention = (p: { id: string; name: string }) => `@[${p.name}](person:${p.id})`

describe.each(dialects())('comments on $name', (dialect) => {
  const it = hubTest(dialect).extend<{ topicId: string }>({
    topicId: [
      async ({ world, api }, use) => {
        await use(await makeTopic(api, world))
      },
      { auto: true },
    ],
  })

  const add = async (
    { api, topicId }: Pick<HubContext & { topicId: string }, 'api' | 'topicId'>,
    personId: string,
    body: string,
    parentId?: string,
  ) => (await api.as(personId)).comments.add({ itemType: 'topic', itemId: topicId, body, parentId })
  const list = async (
    { api, topicId }: Pick<HubContext & { topicId: string }, 'api' | 'topicId'>,
    personId: string | null,
    cursor?: string | null,
  ) => (await api.as(personId)).comments.list({ itemType: 'topic', itemId: topicId, cursor })

  it('members comment and reply; the thread lists top-level comments oldest first with their replies', async ({
    world,
    api,
    topicId,
  }) => {
    const first = await add({ api, topicId }, world.people.member.id, 'First **point**')
    api.clock.advance(1000)
    await add({ api, topicId }, world.people.chair.id, 'Second point')
    api.clock.advance(1000)
    const reply = await add({ api, topicId }, world.people.officer.id, 'A reply', first.id)
    api.clock.advance(1000)
    // A reply to a reply joins the same thread.
    const nested = await add({ api, topicId }, world.people.member.id, 'A reply to the reply', reply.id)
    expect(nested.parentId).toBe(first.id)
    expect(first).toMatchObject({
      body: 'First **point**',
      bodyHtml: '<p>First <strong>point</strong></p>\n',
      deleted: false,
      hidden: null,
      author: { name: 'Alpha Member' },
    })

    const page = await list({ api, topicId }, world.people.observer.id)
    expect(page.items.map((c) => [c.body, c.replies.map((r) => r.body)])).toEqual([
      ['First **point**', ['A reply', 'A reply to the reply']],
      ['Second point', []],
    ])
    expect(page.items[0]!.can).toEqual({ edit: false, delete: false, moderate: false })
    expect(page.nextCursor).toBeNull()
    const topic = await (await api.as(world.people.member.id)).topics.get({ id: topicId })
    expect(topic.lastActivityAt > topic.createdAt).toBe(true)
  })

  it('pages through top-level comments with a cursor', async ({ world, api, topicId }) => {
    for (let i = 0; i < COMMENT_PAGE_SIZE + 5; i++) {
      await add({ api, topicId }, world.people.member.id, `Comment ${i}`)
      api.clock.advance(1)
    }
    const first = await list({ api, topicId }, world.people.member.id)
    expect(first.items).toHaveLength(COMMENT_PAGE_SIZE)
    const second = await list({ api, topicId }, world.people.member.id, first.nextCursor)
    expect(second.items.map((c) => c.body)).toEqual([20, 21, 22, 23, 24].map((i) => `Comment ${i}`))
    expect(second.nextCursor).toBeNull()
    expect(await refusal(list({ api, topicId }, world.people.member.id, 'not-a-cursor'))).toBe('BAD_REQUEST')
  })

  it('who may comment: members and up of participant groups; not observers, outsiders or the public', async ({
    db,
    world,
    api,
    topicId,
  }) => {
    const before = await jointSnapshot(db)
    expect(await refusal(add({ api, topicId }, world.people.observer.id, 'hello'))).toBe('FORBIDDEN')
    expect(await refusal(add({ api, topicId }, world.people.betaOfficer.id, 'hello'))).toBe('NOT_FOUND')
    expect(await refusal(add({ api, topicId }, world.people.outsider.id, 'hello'))).toBe('NOT_FOUND')
    expect(
      await refusal((await api.as(null)).comments.add({ itemType: 'topic', itemId: topicId, body: 'hello' })),
    ).toBe('UNAUTHORIZED')
    expect(await refusal(list({ api, topicId }, world.people.outsider.id))).toBe('NOT_FOUND')
    expect(await refusal(add({ api, topicId }, world.people.member.id, '   '))).toBe('BAD_REQUEST')
    expect(await jointSnapshot(db)).toEqual(before)

    const officer = await api.as(world.people.officer.id)
    await officer.topics.update({ id: topicId, visibility: 'public' })
    expect((await list({ api, topicId }, null)).items).toEqual([])
    expect(await refusal(add({ api, topicId }, world.people.outsider.id, 'hello'))).toBe('FORBIDDEN')
    await officer.topics.update({ id: topicId, status: 'closed' })
    const error = await refused(add({ api, topicId }, world.people.member.id, 'too late'))
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toContain('closed')
  })

  it('renders Markdown safely: XSS payloads come out inert', async ({ world, api, topicId }) => {
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(document.cookie))',
      '[click](JAVASCRIPT:alert(1))',
      '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '![x](javascript:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      '@[<img src=x onerror=alert(1)>](person:abc)',
    ]
    for (const body of payloads) {
      const comment = await add({ api, topicId }, world.people.member.id, body)
      expect(comment.body).toBe(body)
      expect(comment.bodyHtml, body).not.toMatch(/<(script|img|iframe|svg)/i)
      expect(comment.bodyHtml, body).not.toMatch(/href="(javascript|data|vbscript):/i)
      expect(comment.bodyHtml, body).not.toMatch(/<[a-z][^>]*\son\w+=/i)
    }
    const listed = await list({ api, topicId }, world.people.member.id)
    expect(listed.items).toHaveLength(payloads.length)
    for (const html of listed.items.map((c) => c.bodyHtml ?? '')) {
      expect(html).not.toMatch(/<(script|img)|href="(javascript|data):|<[a-z][^>]*\son\w+=/i)
    }
  })

  it('edits keep a visible history; only the author edits', async ({ db, world, api, topicId }) => {
    const comment = await add({ api, topicId }, world.people.member.id, 'Draft one')
    api.clock.advance(60_000)
    const member = await api.as(world.people.member.id)
    const edited = await member.comments.edit({ id: comment.id, body: 'Draft two' })
    expect(edited.editedAt).not.toBeNull()
    api.clock.advance(60_000)
    await member.comments.edit({ id: comment.id, body: 'Final' })
    const history = await (await api.as(world.people.observer.id)).comments.history({ id: comment.id })
    expect(history.map((v) => v.body)).toEqual(['Final', 'Draft two', 'Draft one'])
    expect(history[2]!.editedAt).toBe(comment.createdAt)
    expect(history[0]!.editedAt > history[1]!.editedAt).toBe(true)
    expect((await list({ api, topicId }, world.people.member.id)).items[0]).toMatchObject({
      body: 'Final',
      can: { edit: true, delete: true },
    })

    const before = await jointSnapshot(db)
    expect(
      await refusal((await api.as(world.people.chair.id)).comments.edit({ id: comment.id, body: 'Hijack' })),
    ).toBe('FORBIDDEN')
    expect(
      await refusal(
        (await api.as(world.people.outsider.id)).comments.edit({ id: comment.id, body: 'Hijack' }),
      ),
    ).toBe('NOT_FOUND')
    expect(await jointSnapshot(db)).toEqual(before)
    expect(
      await db.selectFrom('audit_event').select('action').where('action', '=', 'comment.edited').execute(),
    ).toHaveLength(2)
  })

  it('deletion leaves "comment deleted" in the thread, with replies kept and no words', async ({
    world,
    api,
    topicId,
  }) => {
    const comment = await add({ api, topicId }, world.people.member.id, 'Regrettable words')
    await add({ api, topicId }, world.people.chair.id, 'A reply', comment.id)
    expect(await refusal((await api.as(world.people.chair.id)).comments.delete({ id: comment.id }))).toBe(
      'FORBIDDEN',
    )
    await (await api.as(world.people.member.id)).comments.delete({ id: comment.id })
    for (const viewer of [world.people.member.id, world.people.chair.id, world.people.admin.id]) {
      const [item] = (await list({ api, topicId }, viewer)).items
      expect(item).toMatchObject({ deleted: true, body: null, bodyHtml: null })
      expect(item!.replies.map((r) => r.body)).toEqual(['A reply'])
      expect(JSON.stringify(item)).not.toContain('Regrettable')
    }
    expect(
      await refusal((await api.as(world.people.member.id)).comments.edit({ id: comment.id, body: 'x' })),
    ).toBe('CONFLICT')
    expect(await refusal(add({ api, topicId }, world.people.chair.id, 'reply', comment.id))).toBe('CONFLICT')
  })

  it('moderation: an officer of the owner group hides a comment; only moderators still see it, everywhere', async ({
    db,
    world,
    api,
    topicId,
  }) => {
    await joinTopic(api, world, topicId, 'beta')
    const secret = 'Contains personal data about a constituent'
    const comment = await add(
      { api, topicId },
      world.people.betaMember.id,
      `${secret} ${mention({ id: world.people.member.id, name: 'Alpha Member' })}`,
    )
    const reply = await add({ api, topicId }, world.people.member.id, `Reply quoting ${secret}`, comment.id)

    const before = await jointSnapshot(db)
    for (const who of ['secretariat', 'member', 'betaOfficer', 'betaChair'] as const) {
      expect(
        await refusal((await api.as(world.people[who].id)).comments.hide({ id: comment.id, reason: 'x' })),
        who,
      ).toBe('FORBIDDEN')
    }
    expect(await jointSnapshot(db)).toEqual(before)

    const officer = await api.as(world.people.officer.id)
    const hidden = await officer.comments.hide({ id: comment.id, reason: 'Personal data' })
    expect(hidden.hidden).toMatchObject({ reason: 'Personal data' })
    await officer.comments.hide({ id: reply.id, reason: 'Quotes the hidden comment' })

    // Moderators: the owner's chair and officers (and a site admin).
    for (const who of ['officer', 'chair', 'admin'] as const) {
      const [item] = (await list({ api, topicId }, world.people[who].id)).items
      expect(item!.body).toContain(secret)
      expect(item!.hidden).toMatchObject({ reason: 'Personal data' })
      expect(item!.replies[0]!.hidden).toMatchObject({ reason: 'Quotes the hidden comment' })
    }
    // Everyone else, the author included: no words, no reason, in every list.
    for (const who of ['betaMember', 'member', 'secretariat', 'betaOfficer', 'observer'] as const) {
      const page = await list({ api, topicId }, world.people[who].id)
      expect(page.items[0]).toMatchObject({ body: null, bodyHtml: null, hidden: { reason: null } })
      expect(JSON.stringify(page), who).not.toContain('personal data')
      expect(JSON.stringify(page), who).not.toContain('Personal data')
      const inbox = await (await api.as(world.people[who].id)).notifications.list()
      expect(JSON.stringify(inbox), who).not.toContain('personal data')
      expect(await refusal((await api.as(world.people[who].id)).comments.history({ id: comment.id }))).toBe(
        'FORBIDDEN',
      )
    }
    // The mention notification to Alpha Member now carries no excerpt.
    const inbox = await (await api.as(world.people.member.id)).notifications.list()
    expect(inbox.items.find((n) => n.kind === 'comment.mention')?.text).toBe(
      'Beta Member mentioned you in a comment on the topic “Lung cancer screening”',
    )
    expect(
      (await (await api.as(world.people.officer.id)).comments.history({ id: comment.id }))[0]!.body,
    ).toContain(secret)
    // Counts leave hidden comments out.
    expect((await officer.topics.dashboard()).items[0]!.commentCount).toBe(0)
    expect(
      await refusal((await api.as(world.people.betaMember.id)).comments.edit({ id: comment.id, body: 'x' })),
    ).toBe('CONFLICT')

    await officer.comments.unhide({ id: comment.id })
    expect((await list({ api, topicId }, world.people.betaMember.id)).items[0]!.body).toContain(secret)
    const actions = await db
      .selectFrom('audit_event')
      .select('action')
      .where('action', 'like', 'comment.%hidden')
      .orderBy('at')
      .execute()
    expect(actions.map((a) => a.action).sort()).toEqual([
      'comment.hidden',
      'comment.hidden',
      'comment.unhidden',
    ])
  })

  it('mention completion lists only people of the participant groups, public topic or not', async ({
    world,
    api,
    topicId,
  }) => {
    const member = await api.as(world.people.member.id)
    const names = async (q: string) =>
      (await member.comments.mentionCandidates({ itemType: 'topic', itemId: topicId, q })).map((p) => p.name)
    expect(await names('')).toEqual(['Alpha Chair', 'Alpha Observer', 'Alpha Officer', 'Alpha Secretariat'])
    expect(await names('beta')).toEqual([])
    await (await api.as(world.people.officer.id)).topics.update({ id: topicId, visibility: 'public' })
    expect(await names('out')).toEqual([])
    expect(await names('side')).toEqual([])
    await joinTopic(api, world, topicId, 'beta')
    expect(await names('beta')).toEqual(['Beta Chair', 'Beta Member', 'Beta Officer', 'Beta Secretariat'])
    expect(await names('BETA ch')).toEqual(['Beta Chair'])
    expect(await names('%')).toHaveLength(8)
    expect(
      await refusal(
        (await api.as(world.people.outsider.id)).comments.mentionCandidates({
          itemType: 'topic',
          itemId: topicId,
          q: '',
        }),
      ),
    ).toBe('FORBIDDEN')
    expect(
      await refusal(
        (await api.as(world.people.gammaOfficer.id)).comments.mentionCandidates({
          itemType: 'topic',
          itemId: topicId,
          q: '',
        }),
      ),
    ).toBe('FORBIDDEN')
  })
})
