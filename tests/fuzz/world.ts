/**
 * Rows for the fuzzer to find: topics of every relation with comments and follows, handshake
 * invitations, group invitations (with their tokens), notifications. Returns the strings worth
 * feeding to procedures (ids, slugs, tokens, emails).
 */
import { createSignIn, encodeCursor, encodeKeyCursor, hashToken } from '@appg-hub/core'
import { type AuthzWorld, ITEM_RELATIONS } from '../support/authz-world'

export async function seedFuzzWorld(w: AuthzWorld): Promise<string[]> {
  const pool: string[] = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'topic', 'meeting', 'document']
  for (const relation of ITEM_RELATIONS) {
    const topicId = await w.make.topic(relation)
    const commentId = await w.make.comment('topic', topicId, w.bystanderAuthor[relation])
    const hiddenId = await w.make.comment('topic', topicId, w.bystanderAuthor[relation], { hidden: true })
    const replyId = await w.make.comment('topic', topicId, w.person.officer!.id, { parentId: commentId })
    pool.push(topicId, commentId, hiddenId, replyId)
  }
  const received = await w.make.topic({ owner: 'epsilon', partners: [], visibility: 'participants' })
  pool.push(received, await w.make.invitation('topic', received, 'epsilon', 'alpha'))
  const sent = await w.make.topic({ owner: 'alpha', partners: [], visibility: 'public' })
  pool.push(sent, await w.make.invitation('topic', sent, 'alpha', 'epsilon'))
  for (const role of ['member', 'chair'] as const) {
    const invite = await w.make.groupInvite('alpha', role)
    pool.push(invite.id, invite.token, invite.email)
  }
  pool.push(await w.make.passwordReset(w.person.member!.id))
  for (const [name, person] of Object.entries(w.person)) {
    pool.push(person.id, person.email)
    if (name === 'officer') await w.make.notification(person.id)
  }
  // Cursors that decode (the lists read their own shape out of them): well-formed, half-formed, odd.
  for (const text of [
    'a',
    '|',
    'x|y',
    '2026-01-01T00:00:00.000Z|',
    ':',
    '5:alpha',
    'NaN:',
    '["a","b"]',
    '["a"]',
    '[1,2]',
    '{}',
    'null',
    '"',
  ])
    pool.push(encodeCursor(text))
  pool.push(encodeKeyCursor(new Date().toISOString(), 'zzz'))
  const { token } = await createSignIn({ db: w.db, clock: w.api.clock }, w.person.officer!.id, 'fuzz pool')
  // The 16-hex public id of a sign-in (auth.endSignIn), never its token.
  pool.push((await hashToken(token)).slice(0, 16))
  return pool
}
