/**
 * Live co-editing over the real Node server, with the standard clients (yjs, y-websocket, ws) and
 * demo accounts' session cookies: random edits with random disconnects converge and become the
 * latest revision; a reader's edits reach nobody and nothing is stored; outsiders are refused
 * before the upgrade; losing access closes the connection; a non-live save merges into the live
 * text; a restart loses nothing. On SQLite and (with MYSQL_URL) MySQL.
 */

import { systemClock, toActor } from '@appg-hub/core'
import { DEFAULT_MESSAGE_LIMIT } from '@appg-hub/core/collab/message-budget'
import { CLOSE_TOO_MANY_MESSAGES, CollabRoom } from '@appg-hub/core/collab/room'
import { databaseCollabStore } from '@appg-hub/core/collab/store'
import { DEMO_GROUP_SLUG } from '@appg-hub/register/demo/seed-demo'
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import {
  floodDocument,
  type LiveClient,
  liveClient,
  randomEditingConverges,
  rawUpgrade,
  signInDemo,
  synced,
  waitFor,
} from '../support/collab'
import { type HubServer, startHubServer } from '../support/server'

const targets: { name: string; databaseUrl?: () => Promise<string> }[] = [{ name: 'sqlite' }]
if (process.env.MYSQL_URL)
  targets.push({
    name: 'mysql',
    databaseUrl: async () => (await import('@appg-hub/db/testing')).createMysqlDatabase(),
  })

type Person = Awaited<ReturnType<typeof signInDemo>>

describe.each(targets)('live co-editing on Node + $name', (target) => {
  let server: HubServer
  let secretariat: Person
  let chair: Person
  let officer: Person
  let member: Person
  let outsider: Person
  const open: LiveClient[] = []

  beforeAll(async () => {
    server = await startHubServer({
      databaseUrl: await target.databaseUrl?.(),
      config: { collabIdleSaveMs: 60_000, collabAccessCheckMs: 300 },
    })
    const [a, b, c, d, e] = await Promise.all(
      ['secretariat', 'chair', 'officer', 'member', 'diabetes-officer'].map((p) => signInDemo(server.url, p)),
    )
    secretariat = a!
    chair = b!
    officer = c!
    member = d!
    outsider = e!
    // Loading the Register into MariaDB takes a while on a busy machine.
  }, 180_000)
  afterAll(async () => {
    for (const c of open) c.destroy()
    await server?.close()
    if (target.databaseUrl) await (await import('@appg-hub/db/testing')).dropMysqlDatabases()
  })

  function connect(person: Person, documentId: string, connectNow = true): LiveClient {
    const client = liveClient(server.url, documentId, person.cookie, { connect: connectNow })
    open.push(client)
    return client
  }

  async function newDocument(body = 'Shared opening line.\n') {
    return secretariat.client.documents.create.mutate({
      groupSlug: DEMO_GROUP_SLUG,
      kind: 'briefing',
      title: 'Live briefing',
      body,
      visibility: 'participants',
    })
  }

  const headBody = async (id: string) => (await secretariat.client.documents.get.query({ id })).body

  it('random edits by several editors with random disconnects converge, and become the latest revision', async () => {
    await randomEditingConverges({
      newDocument: async () => (await newDocument()).id,
      connect: (documentId) => [secretariat, chair, officer].map((p) => connect(p, documentId)),
      latestRevision: headBody,
      runs: 6,
    })
  })

  it('records who contributed to a live revision, and "Save version" keeps its note', async () => {
    const doc = await newDocument()
    const a = connect(secretariat, doc.id)
    const b = connect(chair, doc.id)
    await Promise.all([synced(a), synced(b)])
    a.text.insert(0, 'From Tom. ')
    b.text.insert(b.text.length, 'From Priya.')
    await waitFor(() => a.text.toString() === b.text.toString() && a.text.toString().includes('From Priya.'))
    const number = await saveVersion(a, 'Ready for review')
    expect(number).toBe(2)
    const rows = await server.db
      .selectFrom('revision as r')
      .innerJoin('revision_contributor as c', 'c.revision_id', 'r.id')
      .innerJoin('person as p', 'p.id', 'c.person_id')
      .select(['r.number', 'r.note', 'r.body', 'p.display_name'])
      .where('r.document_id', '=', doc.id)
      .execute()
    expect(rows.map((r) => r.display_name).sort()).toEqual(['Dr Priya Raman', 'Tom Whitfield'])
    expect(rows[0]!.note).toBe('Ready for review')
    expect(rows[0]!.body).toBe(a.text.toString())
    // Each contributor's data export lists it.
    const exported = await chair.client.privacy.export.mutate()
    expect(exported.liveRevisionsContributedTo).toContainEqual(
      expect.objectContaining({ document_id: doc.id, number: 2 }),
    )
    a.destroy()
    b.destroy()
  })

  it("drops a reader's edits: never relayed, stored or saved; the reader still follows", async () => {
    const doc = await newDocument()
    const editor = connect(secretariat, doc.id)
    const reader = connect(member, doc.id)
    await Promise.all([synced(editor), synced(reader)])
    reader.text.insert(0, 'READER WAS HERE ')
    editor.text.insert(editor.text.length, 'Editor line.')
    await waitFor(() => reader.text.toString().includes('Editor line.'))
    // Give the reader's update every chance to arrive.
    await new Promise((r) => setTimeout(r, 300))
    expect(editor.text.toString()).not.toContain('READER')
    const late = connect(chair, doc.id)
    await synced(late)
    expect(late.text.toString()).not.toContain('READER')
    const memberId = await personId('member')
    const stored = await server.db
      .selectFrom('collab_update')
      .select('seq')
      .where('document_id', '=', doc.id)
      .where('person_id', '=', memberId)
      .execute()
    expect(stored).toEqual([])
    for (const c of [editor, reader, late]) c.destroy()
    await waitFor(async () => (await headBody(doc.id)).includes('Editor line.'), 10_000, 'the revision')
    expect(await headBody(doc.id)).not.toContain('READER')
  })

  it('refuses outsiders, signed-out callers and other sites before the upgrade, sending nothing', async () => {
    const doc = await newDocument()
    const origin = new URL(server.url).origin
    expect(await rawUpgrade(server.url, doc.id, { cookie: outsider.cookie, origin })).toEqual({
      status: 403,
      messages: 0,
    })
    expect(await rawUpgrade(server.url, doc.id, { origin })).toEqual({ status: 401, messages: 0 })
    expect(
      await rawUpgrade(server.url, doc.id, { cookie: secretariat.cookie, origin: 'https://evil.example' }),
    ).toEqual({ status: 403, messages: 0 })
    expect(await rawUpgrade(server.url, 'no-such-document', { cookie: secretariat.cookie, origin })).toEqual({
      status: 403,
      messages: 0,
    })
    expect(
      (await fetch(`${server.url}/collab/documents/${doc.id}`, { headers: { cookie: secretariat.cookie } }))
        .status,
    ).toBe(426)
    const accepted = await rawUpgrade(server.url, doc.id, { cookie: secretariat.cookie, origin })
    expect(accepted.status).toBe(101)
    expect(accepted.messages).toBeGreaterThan(0)
  })

  it('shows each person under the name the hub knows, whatever their client claims', async () => {
    const doc = await newDocument()
    const a = connect(secretariat, doc.id)
    const b = connect(member, doc.id)
    await Promise.all([synced(a), synced(b)])
    a.provider.awareness.setLocalStateField('user', { name: 'Someone Else', colour: 3 })
    const fromA = () =>
      b.provider.awareness.getStates().get(a.doc.clientID)?.user as Record<string, unknown> | undefined
    await waitFor(() => fromA() !== undefined)
    expect(fromA()).toMatchObject({ name: 'Tom Whitfield', readOnly: false, colour: 3 })
    // And the reader is shown as reading.
    b.provider.awareness.setLocalStateField('user', { name: 'Editor, honestly' })
    const fromB = () =>
      a.provider.awareness.getStates().get(b.doc.clientID)?.user as Record<string, unknown> | undefined
    await waitFor(() => fromB() !== undefined)
    expect(fromB()).toMatchObject({ name: 'James Penrose', readOnly: true })
    a.destroy()
    b.destroy()
  })

  it('closes a connection that sends a malformed message, and carries on for everyone else', async () => {
    const doc = await newDocument()
    const { default: WebSocket } = await import('ws')
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/collab/documents/${doc.id}`, {
      headers: { cookie: secretariat.cookie, origin: new URL(server.url).origin },
    })
    await new Promise((resolve) => ws.once('open', resolve))
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
    // A sync update whose length runs past the end of the message.
    ws.send(Uint8Array.from([0, 2, 200, 1, 7]))
    expect(await closed).toBe(1003)
    const editor = connect(secretariat, doc.id)
    await synced(editor)
    expect(editor.text.toString()).toBe('Shared opening line.\n')
    editor.destroy()
  })

  it('closes a connection that floods the document (4429), and carries on for everyone else', async () => {
    const doc = await newDocument()
    const editor = connect(chair, doc.id)
    await synced(editor)
    const flood = await floodDocument(server.url, doc.id, secretariat.cookie, editor)
    expect(flood.code).toBe(CLOSE_TOO_MANY_MESSAGES)
    expect(flood.reason).toMatch(/too many messages/i)
    // The rest of the flood was never stored or relayed.
    // The budget: its burst, and what it refilled while the server worked through the flood.
    const { messageBurst, messagesPerSecond } = DEFAULT_MESSAGE_LIMIT
    expect(flood.received).toBeLessThanOrEqual(messageBurst + Math.ceil(messagesPerSecond * flood.seconds))
    expect(flood.received).toBeLessThan(5000)
    editor.text.insert(0, 'Still editing. ')
    const other = connect(officer, doc.id)
    await synced(other)
    await waitFor(() => other.text.toString() === editor.text.toString())
    expect(other.text.toString()).toContain('Still editing. ')
    editor.destroy()
    other.destroy()
  })

  it('closes the connection within seconds of losing access, and stops applying its edits', async () => {
    const doc = await newDocument()
    const staying = connect(secretariat, doc.id)
    const leaving = connect(officer, doc.id)
    await Promise.all([synced(staying), synced(leaving)])
    const closed = new Promise<number>((resolve) =>
      leaving.provider.on('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0)),
    )
    const officerId = await personId('officer')
    await chair.client.memberships.remove.mutate({ slug: DEMO_GROUP_SLUG, personId: officerId })
    const started = Date.now()
    expect(await closed).toBe(4403)
    expect(Date.now() - started).toBeLessThan(3000)
    leaving.provider.disconnect()
    leaving.text.insert(0, 'AFTER REMOVAL ')
    leaving.provider.connect()
    await new Promise((r) => setTimeout(r, 500))
    expect(staying.text.toString()).not.toContain('AFTER REMOVAL')
    leaving.destroy()
    staying.destroy()
  })

  it('merges a non-live save into the live text, losing neither side', async () => {
    const doc = await newDocument('Line one.\n\nLine two.\n')
    const base = (await secretariat.client.documents.get.query({ id: doc.id })).head.id
    const live = connect(secretariat, doc.id)
    await synced(live)
    live.text.insert(0, 'Live edit. ')
    await new Promise((r) => setTimeout(r, 100))
    const saved = await chair.client.documents.save.mutate({
      id: doc.id,
      baseRevisionId: base,
      body: 'Line one.\n\nLine two, saved from the API.\n',
    })
    expect(saved.status).not.toBe('conflict')
    await waitFor(() => live.text.toString().includes('saved from the API'), 5000, 'the merge')
    expect(live.text.toString()).toBe('Live edit. Line one.\n\nLine two, saved from the API.\n')
    live.destroy()
    await waitFor(
      async () => (await headBody(doc.id)) === 'Live edit. Line one.\n\nLine two, saved from the API.\n',
    )
  })

  it('does not repeat live edits that a non-live save already holds (renaming from the page)', async () => {
    const doc = await newDocument('Line one.\n')
    const base = (await secretariat.client.documents.get.query({ id: doc.id })).head.id
    const live = connect(secretariat, doc.id)
    await synced(live)
    live.text.insert(live.text.length, 'Typed live.\n')
    await waitFor(async () => {
      const rows = await server.db
        .selectFrom('collab_update')
        .select('seq')
        .where('document_id', '=', doc.id)
        .execute()
      return rows.length > 0
    })
    const saved = await secretariat.client.documents.save.mutate({
      id: doc.id,
      baseRevisionId: base,
      body: live.text.toString(),
      title: 'Renamed briefing',
    })
    expect(saved.status).toBe('saved')
    live.text.insert(0, 'Then more. ')
    await new Promise((r) => setTimeout(r, 800))
    expect(live.text.toString()).toBe('Then more. Line one.\nTyped live.\n')
    live.destroy()
    await waitFor(async () => (await headBody(doc.id)) === 'Then more. Line one.\nTyped live.\n')
  })

  it('keeps every acknowledged edit across a restart of the room', async () => {
    const doc = await newDocument('Start.\n')
    const a = connect(secretariat, doc.id)
    await synced(a)
    a.text.insert(a.text.length, 'Kept.')
    const b = connect(chair, doc.id)
    await waitFor(() => b.text.toString().includes('Kept.'))
    // The state lives in the store: a fresh Y.Doc from it has the edit, revision or not.
    const state = await server.db
      .selectFrom('collab_state')
      .selectAll()
      .where('document_id', '=', doc.id)
      .executeTakeFirstOrThrow()
    const updates = await server.db
      .selectFrom('collab_update')
      .selectAll()
      .where('document_id', '=', doc.id)
      .execute()
    const { fromBase64 } = await import('lib0/buffer')
    const copy = new Y.Doc()
    Y.applyUpdate(copy, fromBase64(state.state))
    for (const u of updates) Y.applyUpdate(copy, fromBase64(u.update_data))
    expect(copy.getText('body').toString()).toBe('Start.\nKept.')
    a.destroy()
    b.destroy()
  })

  it('writes a revision when editing pauses, with the room still open', async () => {
    const doc = await newDocument('Before the pause.\n')
    const person = await server.db
      .selectFrom('person')
      .select(['id', 'email', 'display_name', 'kind', 'is_site_admin'])
      .where('id', '=', await personId('secretariat'))
      .executeTakeFirstOrThrow()
    const room = await CollabRoom.open(doc.id, {
      db: server.db,
      clock: systemClock,
      config: { publicUrl: server.url, demoMode: true, groupInviteTtlMs: 0, handshakeTtlMs: 0 },
      store: databaseCollabStore(server.db, systemClock),
      idleSaveMs: 200,
      accessCheckMs: 60_000,
    })
    const peer = {
      actor: toActor(person),
      mode: 'read-write' as const,
      send: () => {},
      close: () => {},
      signInValid: async () => true,
    }
    room.join(peer)
    // What a client sends after typing: a sync update made on a copy of the room's state.
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc))
    const before = Y.encodeStateVector(copy)
    copy.getText('body').insert(copy.getText('body').length, 'After the pause.')
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(copy, before))
    room.receive(peer, encoding.toUint8Array(encoder))
    await waitFor(
      async () => (await headBody(doc.id)) === 'Before the pause.\nAfter the pause.',
      5000,
      'the idle revision',
    )
    expect(room.size).toBe(1)
    room.leave(peer)
    await room.close()
  })

  async function personId(local: string): Promise<string> {
    const row = await server.db
      .selectFrom('person')
      .select('id')
      .where('email', '=', `${local}@demo.appg-hub.test`)
      .executeTakeFirstOrThrow()
    return row.id
  }
})

/** Sends "Save version" with a note over the provider's socket; answers the revision number. */
function saveVersion(client: LiveClient, note: string): Promise<number> {
  return import('lib0/encoding').then(async (encoding) => {
    const decoding = await import('lib0/decoding')
    const ws = client.provider.ws!
    return new Promise<number>((resolve, reject) => {
      const onMessage = (event: { data: ArrayBuffer | Buffer }) => {
        const bytes = new Uint8Array(event.data as ArrayBuffer)
        const decoder = decoding.createDecoder(bytes)
        const type = decoding.readVarUint(decoder)
        if (type === 64) resolve(decoding.readVarUint(decoder))
        else if (type === 65) reject(new Error(decoding.readVarString(decoder)))
      }
      ws.addEventListener('message', onMessage as never)
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 64)
      encoding.writeVarString(encoder, note)
      ws.send(encoding.toUint8Array(encoder))
    })
  })
}
