/**
 * An app built without a Word converter (a Worker deployed without the word Worker bound as WORD)
 * answers Word import and export with a clear 501, never a 500; the rest of the hub is unaffected.
 */
import { systemClock } from '@appg-hub/core'
import { type Db, migrateToLatest } from '@appg-hub/db'
import { createDb } from '@appg-hub/db/create-db'
import { createApp } from '@appg-hub/server/app'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testConfig } from '../support/fixtures'

let db: Db
beforeAll(async () => {
  db = await createDb('sqlite::memory:')
  await migrateToLatest(db)
})
afterAll(() => db?.destroy())

describe('Word conversion not set up', () => {
  const app = () => createApp({ db, clock: systemClock, config: testConfig })

  it('answers the import with 501 and says why', async () => {
    const response = await app().request(`${testConfig.publicUrl}/documents/import-word?group=cancer`, {
      method: 'POST',
      headers: { origin: testConfig.publicUrl },
      body: new Uint8Array([0x50, 0x4b, 3, 4]),
    })
    expect(response.status).toBe(501)
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/word Worker/)
  })

  it('answers the export with 501 and says why', async () => {
    const response = await app().request(`${testConfig.publicUrl}/documents/some-id/export.docx`)
    expect(response.status).toBe(501)
    expect(await response.text()).toMatch(/not set up on this server/)
  })
})
