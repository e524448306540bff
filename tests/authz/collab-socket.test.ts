/**
 * The authorization matrix for the live-editing WebSocket (/collab/documents/<id>), which is not
 * a tRPC procedure: every caller × every relation of the document to the callers' group, over the
 * real Node server. Expected from the policy model: editors get a read-write connection, the
 * writing groups' other people (and site admins) a read-only one, anyone else a refusal before the
 * upgrade (401 signed out, 403 otherwise) with nothing sent. Read-write versus read-only is told
 * apart by what happens to an edit: stored and relayed, or dropped.
 */
import { createSignIn } from '@appg-hub/core'
import { startNodeServer } from '@appg-hub/server/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { can, isAdmin, itemAccess } from '../support/authz-model'
import {
  type AuthzWorld,
  CALLERS,
  type CallerName,
  ITEM_RELATIONS,
  makeAuthzWorld,
} from '../support/authz-world'
import { liveClient, rawUpgrade, synced, waitFor } from '../support/collab'
import { testConfig } from '../support/fixtures'
import { dialects } from '../support/hub-test'

type Expectation = 'accept-rw' | 'accept-ro' | 'refuse-401' | 'refuse-403'

function expectedFor(caller: CallerName, relation: (typeof ITEM_RELATIONS)[number]): Expectation {
  if (caller === 'signedOut') return 'refuse-401'
  const access = itemAccess(caller, relation)
  if (!can(access, 'item.read')) return 'refuse-403'
  if (can(access, 'item.edit')) return 'accept-rw'
  return access.role !== null || isAdmin(caller) ? 'accept-ro' : 'refuse-403'
}

// Not on hubTest: its fixtures give each test a fresh world and server, and these 56 cells share one
// world, one Node server and one session per caller (each cell makes its own document), set up once
// per dialect; per-cell fixtures would start 56 worlds and servers for nothing.
describe.each(dialects())('the live-editing socket matrix on $name', (target) => {
  let world: AuthzWorld
  let server: { url: string; close(): Promise<void> }
  const cookies = new Map<CallerName, string>()

  beforeAll(async () => {
    const db = await target.fresh()
    world = await makeAuthzWorld(db)
    const config = { ...testConfig, collabIdleSaveMs: 60_000 }
    server = await startNodeServer({ db, clock: world.api.clock, config, host: '127.0.0.1', port: 0 })
    config.publicUrl = server.url
    for (const caller of CALLERS) {
      const id = world.idOf(caller)
      if (id)
        cookies.set(
          caller,
          `appg_session=${(await createSignIn({ db, clock: world.api.clock }, id, 'test')).token}`,
        )
    }
  })
  afterAll(async () => {
    await server?.close()
    await target.close()
  })

  const cells = ITEM_RELATIONS.flatMap((relation) => CALLERS.map((caller) => [caller, relation] as const))

  it.each(cells)('%s on a %s document', async (caller, relation) => {
    const expected = expectedFor(caller, relation)
    const document = await world.make.document(relation)
    const origin = new URL(server.url).origin
    const cookie = cookies.get(caller)
    const headers: Record<string, string> = cookie ? { origin, cookie } : { origin }
    if (expected.startsWith('refuse')) {
      expect(await rawUpgrade(server.url, document.id, headers)).toEqual({
        status: Number(expected.slice(-3)),
        messages: 0,
      })
      return
    }
    const client = liveClient(server.url, document.id, cookie!)
    const witness = liveClient(server.url, document.id, cookies.get('siteAdmin')!)
    try {
      await Promise.all([synced(client), synced(witness)])
      const marker = `edit by ${caller}`
      client.text.insert(0, marker)
      // A later edit by the same client: once a read-write client's second edit is relayed the
      // first one was too; for a read-only one, wait long enough for it to have arrived.
      if (expected === 'accept-rw')
        await waitFor(() => witness.text.toString().includes(marker), 5000, 'the edit to be relayed')
      else await new Promise((r) => setTimeout(r, 300))
      const stored = await world.db
        .selectFrom('collab_update')
        .select('seq')
        .where('document_id', '=', document.id)
        .where('person_id', '=', world.idOf(caller)!)
        .execute()
      const outcome: Expectation =
        witness.text.toString().includes(marker) && stored.length > 0 ? 'accept-rw' : 'accept-ro'
      expect(outcome).toBe(expected)
      if (expected === 'accept-ro') expect(stored).toEqual([])
    } finally {
      client.destroy()
      witness.destroy()
    }
  })
})
