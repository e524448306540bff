/**
 * Fixtures for joint work across groups: three groups with people in every role, topics made
 * through the API, and a snapshot of every table that joint work writes, for before/after
 * comparison of refused calls.
 */
import type { Db } from '@appg-hub/db'
import { TRPCError } from '@trpc/server'
import type { callers } from './fixtures'
import { makeWorld } from './fixtures'
import { HEALTH, makeGroup, SCIENCE, tagGroups } from './groups'
import { castPeople, JOINT_CAST } from './people'

export { HEALTH, SCIENCE } from './groups'

/**
 * `alpha` (chair, officer, secretariat, member, observer), `beta` (chair, officer, secretariat,
 * member), `gamma` (officer, member), an outsider with no group and a site admin.
 */
export async function makeJointWorld(db: Db) {
  const world = await makeWorld(db)
  const gamma = await makeGroup(db, 'gamma', 'APPG on Gamma')
  const people = {
    ...world.people,
    ...(await castPeople(db, { alpha: world.alpha, beta: world.beta, gamma }, JOINT_CAST)),
  }
  await tagGroups(db, [
    { appg_id: world.alpha.id, tag: HEALTH },
    { appg_id: world.beta.id, tag: HEALTH },
    { appg_id: gamma.id, tag: SCIENCE },
  ])
  return { ...world, gamma, people }
}

export type JointWorld = Awaited<ReturnType<typeof makeJointWorld>>
type Api = ReturnType<typeof callers>

/** A topic of alpha's made by its officer through the API. */
export async function makeTopic(
  api: Api,
  world: JointWorld,
  options: { title?: string; visibility?: 'participants' | 'public'; by?: string; groupSlug?: string } = {},
) {
  const caller = await api.as(options.by ?? world.people.officer.id)
  const { id } = await caller.topics.create({
    groupSlug: options.groupSlug ?? 'alpha',
    title: options.title ?? 'Lung cancer screening',
    summary: 'How **screening** finds lung cancer early.',
    tags: [HEALTH],
    visibility: options.visibility ?? 'participants',
  })
  return id
}

/** Alpha's officer invites `slug`'s group to the topic, and that group's officer accepts. */
export async function joinTopic(api: Api, world: JointWorld, topicId: string, slug: 'beta' | 'gamma') {
  const officer = await api.as(world.people.officer.id)
  const { invitations } = await officer.invitations.send({
    itemType: 'topic',
    itemId: topicId,
    toGroupSlugs: [slug],
  })
  const answerer = await api.as(slug === 'beta' ? world.people.betaOfficer.id : world.people.gammaOfficer.id)
  await answerer.invitations.accept({ id: invitations[0]!.id })
  return invitations[0]!.id
}

/** Every table joint work writes, ordered, for comparing before and after a refused call. */
export async function jointSnapshot(db: Db) {
  const tables = [
    'topic',
    'participant',
    'invitation',
    'comment',
    'comment_edit',
    'follow',
    'notification',
    'email_outbox',
    'audit_event',
    'membership',
  ] as const
  const entries = await Promise.all(
    tables.map(async (table) => [table, await db.selectFrom(table).selectAll().execute()] as const),
  )
  return Object.fromEntries(
    entries.map(([table, rows]) => [
      table,
      [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ]),
  )
}

/** The tRPC error code of a refused call (it fails the test if the call succeeds). */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await refused(promise)
  return error.code
}

/** The refused call's error, to check its code and message. */
export async function refused(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof TRPCError) return error
    throw error
  }
  throw new Error('expected the call to be refused')
}

/** The notifications a person has, newest first, as rows. */
export async function notificationsOf(db: Db, personId: string) {
  return db
    .selectFrom('notification')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}
