/**
 * Files and personal data: an erased account's files stay with their item, shown under the
 * pseudonym; "download my data" lists the files a person uploaded.
 */
import { ERASE_CONFIRMATION, hashPassword, listFiles, openFile, uploadFile } from '@appg-hub/core'
import type { Db } from '@appg-hub/db'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { testDatabases } from '../support/databases'
import { callers, testConfig } from '../support/fixtures'
import { type JointWorld, makeJointWorld, makeTopic } from '../support/joint-work'
import { memoryStore } from '../support/memory-store'

const PASSWORD = 'secretariat password 1'
const TEXT = new TextEncoder().encode('Minutes of the round table.\n')

describe.each(testDatabases())('files of erased accounts on $name', (target) => {
  let db: Db
  let world: JointWorld
  let api: ReturnType<typeof callers>

  beforeEach(async () => {
    db = await target.fresh()
    world = await makeJointWorld(db)
    api = callers(db)
  })
  afterAll(() => target.close())

  it('keeps an erased uploader’s files with the topic, under the pseudonym, and exports them first', async () => {
    const secretariat = world.people.secretariat
    await db
      .updateTable('person')
      .set({ password_hash: await hashPassword(PASSWORD, testConfig.passwordCost) })
      .where('id', '=', secretariat.id)
      .execute()
    const topicId = await makeTopic(api, world)
    const store = memoryStore()
    const ctxOf = async (id: string | null) => {
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
    const uploaded = await uploadFile(await ctxOf(secretariat.id), store, {
      targetType: 'topic',
      targetId: topicId,
      name: 'minutes.txt',
      size: TEXT.byteLength,
      body: new Response(TEXT).body!,
    })

    const data = await (await api.as(secretariat.id)).privacy.export()
    expect(data.filesUploaded.map((f) => [f.id, f.name, Number(f.size)])).toEqual([
      [uploaded.id, 'minutes.txt', TEXT.byteLength],
    ])

    const { pseudonym } = await (await api.as(secretariat.id)).privacy.erase({
      password: PASSWORD,
      confirmation: ERASE_CONFIRMATION,
    })
    const officer = await ctxOf(world.people.officer.id)
    const list = await listFiles(officer, { targetType: 'topic', targetId: topicId })
    expect(list.items.map((f) => [f.name, f.uploadedBy])).toEqual([
      ['minutes.txt', { id: secretariat.id, name: pseudonym }],
    ])
    const download = await openFile(officer, store, uploaded.id)
    expect(await new Response(download.body).text()).toBe('Minutes of the round table.\n')
  })
})
