/**
 * Every mutation writes an audit event (docs/architecture.md §2: "who did what to which item of which group,
 * when; append-only"), and no audit event holds a secret. The mutations are enumerated from the
 * router (`type === 'mutation'`); each is called with the matrix's case input by a caller the
 * policy allows, in a fresh world.
 */

import { afterAll, describe, expect } from 'vitest'
import { expected, type ProcedureCase, type Variant } from '../support/authz-model'
import { callPath, MAY_CHANGE_ON_REFUSAL, outcomeOf } from '../support/authz-run'
import {
  type CallerName,
  listProcedures,
  makeAuthzWorld,
  type Relation,
  snapshotAll,
  WORLD_PASSWORD,
} from '../support/authz-world'
import { dialects, hubTest } from '../support/hub-test'
import { CASES } from './cases'

/**
 * Mutations that rightly write no audit event, with the reason and the only tables they may
 * change (checked: a snapshot of every table before and after). Nothing else is exempt.
 */
const EXEMPT: Record<string, { reason: string; changes: string[] }> = {
  'auth.signOut': {
    reason:
      'it only deletes the one session whose cookie came with this very request (the caller discarding ' +
      'their own credential); no other row, person, group or item changes, and signed out it does nothing',
    changes: ['auth_session'],
  },
  'documents.preview': {
    reason: 'a POST only because a large body does not fit in a URL: it renders Markdown and writes nothing',
    changes: [],
  },
  'topics.markVisited': {
    reason:
      'a bookmark of the caller’s own reading ("I have seen this topic up to now"), so that the next ' +
      'visit can mark what is new; it changes nothing anyone else sees',
    changes: ['topic_visit'],
  },
  'documents.presence': {
    reason:
      'the editor polls it every ~10 s to say "I have this open"; the row is ignored after 30 s, so it ' +
      'records no lasting change (auditing it would bury the log under heartbeats)',
    changes: ['document_presence'],
  },
}

/** Whom to ask first: the callers most likely to be allowed, so that the call succeeds. */
const PREFERENCE: CallerName[] = [
  'officer',
  'chair',
  'secretariat',
  'member',
  'observer',
  'partnerOfficer',
  'unrelatedOfficer',
  'siteAdmin',
  'signedOut',
]

function allowedCell(
  pcase: ProcedureCase,
  variant: Variant,
): { caller: CallerName; relation: Relation } | null {
  for (const relation of variant.relations)
    for (const caller of PREFERENCE)
      if (expected(pcase.access, variant, caller, relation) === 'ok') return { caller, relation }
  return null
}

/** 32 characters of base32: the shape of every raw token the hub issues (sessions, invitations, feeds). */
const TOKEN = /[a-z2-7]{32}/
/** Hex digests: session ids are SHA-256 of the token. */
const DIGEST = /[0-9a-f]{64}/

const mutations = listProcedures().filter((p) => p.type === 'mutation')

describe.each(dialects())('audit events on $name', (dialect) => {
  // Each mutation in a world of its own.
  const it = hubTest(dialect, { world: makeAuthzWorld })
  let checked = 0
  afterAll(() => {
    console.log(
      `audit on ${dialect.name}: ${mutations.length} mutations, ${checked} successful calls checked, exempt: ${Object.keys(EXEMPT).join(', ')}`,
    )
  })

  it.for(mutations.map((p) => [p.path] as const))('%s', async ([path], { db, world: w }) => {
    const pcase = CASES[path]
    if (!pcase) expect.fail(`procedure ${path} has no declared authorization case`)
    const problems: string[] = []
    let calls = 0
    for (const variant of pcase.variants) {
      if (variant.noAudit) continue
      // Variants that only refuse (someone else's comment) have no successful call to check.
      const cell = allowedCell(pcase, variant)
      if (!cell) continue
      const ctx = { w, caller: cell.caller, callerId: w.idOf(cell.caller), relation: cell.relation }
      const input = await variant.input(ctx)
      const trpc = await w.api.as(ctx.callerId)
      const sessionsBefore = await db.selectFrom('auth_session').select('id').execute()
      const snapshotBefore = EXEMPT[path] ? await snapshotAll(db, { except: MAY_CHANGE_ON_REFUSAL }) : null
      const before = await db.selectFrom('audit_event').select('id').execute()
      const result = await callPath(trpc, path, input)
      const label = `${path}${variant.name ? ` [${variant.name}]` : ''} as ${cell.caller}`
      if (!result.ok) {
        problems.push(
          `${label}: expected success, got ${outcomeOf(result)} (${(result.error as Error).message})`,
        )
        continue
      }
      checked += 1
      calls += 1
      const seen = new Set(before.map((r) => r.id))
      const rows = await db.selectFrom('audit_event').selectAll().execute()
      const added = rows.filter((r) => !seen.has(r.id))
      if (EXEMPT[path] && snapshotBefore) {
        const after = await snapshotAll(db, { except: MAY_CHANGE_ON_REFUSAL })
        const changed = Object.keys(after).filter(
          (t) => JSON.stringify(after[t]) !== JSON.stringify(snapshotBefore[t]),
        )
        const beyond = changed.filter((t) => !EXEMPT[path]!.changes.includes(t))
        if (beyond.length)
          problems.push(
            `${label}: exempt from auditing (${EXEMPT[path]!.reason}) yet changed ${beyond.join(', ')}`,
          )
      } else if (added.length === 0) problems.push(`${label}: succeeded but wrote no audit event`)

      // No secret in any audit row: passwords, raw tokens, session ids, password hashes.
      const sessions = [
        ...sessionsBefore,
        ...(await db.selectFrom('auth_session').select('id').execute()),
      ].map((s) => s.id)
      const hashes = (await db.selectFrom('person').select('password_hash').execute())
        .map((p) => p.password_hash)
        .filter((h): h is string => Boolean(h))
      const secrets = [
        WORLD_PASSWORD,
        'a long enough passphrase',
        'another long passphrase',
        ...hashes,
        ...sessions,
      ]
      for (const row of rows) {
        const details = row.details
        const leak =
          secrets.find((s) => details.includes(s)) ??
          sessions.map((s) => s.slice(0, 16)).find((s) => details.includes(s)) ??
          details.match(TOKEN)?.[0] ??
          details.match(DIGEST)?.[0]
        if (leak)
          problems.push(
            `${label}: audit event ${row.action} holds a secret in its details (${leak.slice(0, 8)}…)`,
          )
      }
    }
    if (calls === 0 && problems.length === 0)
      problems.push(`${path}: no variant succeeds for any caller, so nothing was checked`)
    expect(problems).toEqual([])
  })
})
