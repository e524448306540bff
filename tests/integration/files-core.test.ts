/**
 * Files through the core with an in-memory store: an erased account's files stay with their
 * item, shown under the pseudonym; "download my data" lists the files a person uploaded; listing
 * takes a fixed number of queries however many files there are.
 */
import {
  type DomainError,
  ERASE_CONFIRMATION,
  hashPassword,
  listFiles,
  openFile,
  uploadFile,
} from '@appg-hub/core'
import { describe, expect } from 'vitest'
import { callers, testConfig } from '../support/fixtures'
import { dialects, type HubContext, hubTest } from '../support/hub-test'
import { makeTopic } from '../support/joint-work'
import { memoryStore } from '../support/memory-store'
import { QueryCounter } from '../support/query-counter'

const PASSWORD = 'secretariat password 1'
const TEXT = new TextEncoder().encode('Minutes of the round table.\n')

describe.each(dialects())('files of erased accounts on $name', (dialect) => {
  const it = hubTest(dialect).extend<{ store: ReturnType<typeof memoryStore> }>({
    store: [
      // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern.
      async ({}, use) => {
        await use(memoryStore())
      },
      { auto: true },
    ],
  })

  async function ctxOf({ db, api }: Pick<HubContext, 'db' | 'api'>, id: string | null) {
    const person = id
      ? await db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
      : null
    return {
      db,
      clock: api.clock,
      config: testConfig,
      actor: person
        ? {
            id: person.id,
            email: person.email,
            displayName: person.display_name,
            kind: person.kind,
            isSiteAdmin: false,
          }
        : null,
    }
  }

  async function upload(
    { db, api, store }: Pick<HubContext & { store: ReturnType<typeof memoryStore> }, 'db' | 'api' | 'store'>,
    personId: string,
    targetType: 'topic' | 'comment',
    targetId: string,
    name: string,
  ) {
    return uploadFile(await ctxOf({ db, api }, personId), store, {
      targetType,
      targetId,
      name,
      size: TEXT.byteLength,
      body: new Response(TEXT).body!,
    })
  }

  it('keeps an erased uploader’s files with the topic, under the pseudonym, and exports them first', async ({
    db,
    world,
    api,
    store,
  }) => {
    const secretariat = world.people.secretariat
    await db
      .updateTable('person')
      .set({ password_hash: await hashPassword(PASSWORD, testConfig.passwordCost) })
      .where('id', '=', secretariat.id)
      .execute()
    const topicId = await makeTopic(api, world)
    const uploaded = await upload({ db, api, store }, secretariat.id, 'topic', topicId, 'minutes.txt')

    const data = await (await api.as(secretariat.id)).privacy.export()
    expect(data.filesUploaded.map((f) => [f.id, f.name, Number(f.size)])).toEqual([
      [uploaded.id, 'minutes.txt', TEXT.byteLength],
    ])

    const { pseudonym } = await (await api.as(secretariat.id)).privacy.erase({
      password: PASSWORD,
      confirmation: ERASE_CONFIRMATION,
    })
    const officer = await ctxOf({ db, api }, world.people.officer.id)
    const list = await listFiles(officer, { targetType: 'topic', targetId: topicId })
    expect(list.items.map((f) => [f.name, f.uploadedBy])).toEqual([
      ['minutes.txt', { id: secretariat.id, name: pseudonym }],
    ])
    const download = await openFile(officer, store, uploaded.id)
    expect(await new Response(download.body).text()).toBe('Minutes of the round table.\n')
  })

  it('refuses a body that breaks off, runs short or runs long, and keeps nothing of it', async ({
    db,
    world,
    api,
    store,
  }) => {
    const topicId = await makeTopic(api, world)
    const ctx = await ctxOf({ db, api }, world.people.secretariat.id)
    const attempt = async (body: ReadableStream<Uint8Array>, size: number) => {
      try {
        await uploadFile(ctx, store, {
          targetType: 'topic',
          targetId: topicId,
          name: 'notes.txt',
          size,
          body,
        })
      } catch (error) {
        return (error as DomainError).message
      }
      return 'accepted'
    }
    const breaking = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(TEXT)
        controller.error(new Error('connection reset'))
      },
    })
    expect(await attempt(breaking, 1000)).toMatch(/stopped before the end/)
    expect(await attempt(new Response(TEXT).body!, TEXT.byteLength + 10)).toMatch(/stopped before the end/)
    expect(await attempt(new Response(TEXT).body!, TEXT.byteLength - 1)).toMatch(
      /longer than the upload said/,
    )
    expect(store.keys()).toEqual([])
    expect(await db.selectFrom('attachment').select('id').execute()).toEqual([])
    expect(await attempt(new Response(TEXT).body!, TEXT.byteLength)).toBe('accepted')
  })

  it('lists an item’s or a comment’s files in a fixed number of queries', async ({
    db,
    world,
    api,
    store,
  }) => {
    const topicId = await makeTopic(api, world)
    const member = await api.as(world.people.member.id)
    const comment = await member.comments.add({ itemType: 'topic', itemId: topicId, body: 'Slides.' })
    const counter = new QueryCounter()
    const counted = callers(db.withPlugin(counter), api.clock)
    const count = async (targetType: 'topic' | 'comment', targetId: string) => {
      const officer = await counted.as(world.people.officer.id)
      return counter.measure(() => officer.files.list({ targetType, targetId }))
    }
    const countDiscussion = async () => {
      const officer = await counted.as(world.people.officer.id)
      return counter.measure(() => officer.files.forComments({ itemType: 'topic', itemId: topicId }))
    }
    await upload({ db, api, store }, world.people.secretariat.id, 'topic', topicId, 'one.txt')
    await upload({ db, api, store }, world.people.member.id, 'comment', comment.id, 'one.txt')
    // session + one query: the target (a comment with its item) with the caller's rights, and the
    // files; the files of a whole discussion likewise (docs/architecture.md §5)
    expect([
      await count('topic', topicId),
      await count('comment', comment.id),
      await countDiscussion(),
    ]).toEqual([2, 2, 2])
    for (let i = 0; i < 20; i++) {
      const first = await upload(
        { db, api, store },
        world.people.secretariat.id,
        'topic',
        topicId,
        `file-${i}.txt`,
      )
      if (i % 2)
        await uploadFile(await ctxOf({ db, api }, world.people.secretariat.id), store, {
          targetType: 'topic',
          targetId: topicId,
          name: `file-${i} v2.txt`,
          size: TEXT.byteLength,
          body: new Response(TEXT).body!,
          replaces: first.id,
        })
      await upload({ db, api, store }, world.people.member.id, 'comment', comment.id, `file-${i}.txt`)
      const another = await member.comments.add({ itemType: 'topic', itemId: topicId, body: `More ${i}.` })
      await upload({ db, api, store }, world.people.member.id, 'comment', another.id, `more-${i}.txt`)
    }
    expect([
      await count('topic', topicId),
      await count('comment', comment.id),
      await countDiscussion(),
    ]).toEqual([2, 2, 2])
    const officer = await api.as(world.people.officer.id)
    const discussion = await officer.files.forComments({ itemType: 'topic', itemId: topicId })
    expect(discussion.comments).toHaveLength(21)
    expect(discussion.comments.find((c) => c.commentId === comment.id)?.items).toHaveLength(21)
  })
})
