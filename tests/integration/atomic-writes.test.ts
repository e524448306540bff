import { TRPCError } from '@trpc/server'
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely'
import { describe, expect } from 'vitest'
import { snapshotAll } from '../support/authz-world'
import { callers } from '../support/fixtures'
import { dialects, type HubContext, hubTest } from '../support/hub-test'
import { joinTopic, makeTopic } from '../support/joint-work'

/** Throws when an INSERT into `table` is compiled while armed: a write failing mid-transaction. */
class FailOnInsert implements KyselyPlugin {
  armed = false
  constructor(private readonly table: string) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node as { kind: string; into?: { table?: { identifier?: { name?: string } } } }
    if (this.armed && node.kind === 'InsertQueryNode' && node.into?.table?.identifier?.name === this.table) {
      throw new Error(`injected failure: insert into ${this.table}`)
    }
    return args.node
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result
  }
}

describe.each(dialects())('writes are all or nothing on $name', (dialect) => {
  const it = hubTest(dialect)

  /** Runs `call` through a database that fails its insert into `table`, and checks nothing changed. */
  async function failsCleanly(
    { db }: Pick<HubContext, 'db'>,
    table: string,
    personId: string,
    call: (caller: Awaited<ReturnType<ReturnType<typeof callers>['as']>>) => Promise<unknown>,
  ) {
    const plugin = new FailOnInsert(table)
    const caller = await callers(db.withPlugin(plugin)).as(personId)
    const before = await snapshotAll(db, { except: ['rate_limit'] })
    plugin.armed = true
    const error = await call(caller).then(
      () => null,
      (e: unknown) => e,
    )
    plugin.armed = false
    expect(error).toBeInstanceOf(TRPCError)
    expect((error as TRPCError).code).toBe('INTERNAL_SERVER_ERROR')
    expect(await snapshotAll(db, { except: ['rate_limit'] })).toEqual(before)
  }

  it('creating a topic (topic, participant, follow, audit): the audit insert fails last', async ({
    db,
    world,
  }) => {
    await failsCleanly({ db }, 'audit_event', world.people.officer.id, (caller) =>
      caller.topics.create({
        groupSlug: 'alpha',
        title: 'Half a topic',
        summary: 'Never saved.',
        tags: [],
        visibility: 'participants',
      }),
    )
  })

  it('accepting an invitation (invitation, participant, notifications, audit): notifications fail', async ({
    db,
    world,
  }) => {
    const api = callers(db)
    const topicId = await makeTopic(api, world)
    const { invitations } = await (await api.as(world.people.officer.id)).invitations.send({
      itemType: 'topic',
      itemId: topicId,
      toGroupSlugs: ['beta'],
    })
    await failsCleanly({ db }, 'notification', world.people.betaOfficer.id, (caller) =>
      caller.invitations.accept({ id: invitations[0]!.id }),
    )
  })

  it('commenting with a mention (comment, follow, notifications, outbox, audit): the outbox fails', async ({
    db,
    world,
  }) => {
    const api = callers(db)
    const topicId = await makeTopic(api, world)
    await joinTopic(api, world, topicId, 'beta')
    await failsCleanly({ db }, 'email_outbox', world.people.betaMember.id, (caller) =>
      caller.comments.add({
        itemType: 'topic',
        itemId: topicId,
        body: `Over to @[Alpha Officer](person:${world.people.officer.id})`,
      }),
    )
  })

  it('saving a document (revision, head, links, audit): the audit insert fails', async ({ db, world }) => {
    const api = callers(db)
    const officer = await api.as(world.people.officer.id)
    const doc = await officer.documents.create({
      groupSlug: 'alpha',
      kind: 'briefing',
      title: 'Briefing',
      body: 'One.',
      visibility: 'participants',
    })
    await failsCleanly({ db }, 'audit_event', world.people.secretariat.id, (caller) =>
      caller.documents.save({
        id: doc.id,
        baseRevisionId: doc.revisionId,
        body: 'One. Two.',
      }),
    )
  })
})
