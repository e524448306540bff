/**
 * Running one procedure of the matrix: every variant × relation × caller, in a world of its own
 * (so that what one procedure's successful calls change never reaches another procedure's cells).
 */

import { TRPCError } from '@trpc/server'
import { type CaseContext, expected, type Outcome, type ProcedureCase, type Variant } from './authz-model'
import {
  type AuthzWorld,
  CALLERS,
  type CallerName,
  type ProcedureInfo,
  type Relation,
  snapshotAll,
} from './authz-world'

/**
 * Tables a refused call may still write, with the reason. Rate-limit counters count attempts,
 * refused ones included: that is their purpose (docs/architecture.md §7).
 */
export const MAY_CHANGE_ON_REFUSAL = ['rate_limit'] as const

type Caller = Awaited<ReturnType<AuthzWorld['api']['as']>>

/** Calls `path` (e.g. 'topics.get') on a tRPC caller. */
export async function callPath(
  caller: Caller,
  path: string,
  input: unknown,
): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  // biome-ignore lint/suspicious/noExplicitAny: the path is only known at run time.
  let fn: any = caller
  for (const part of path.split('.')) fn = fn[part]
  try {
    return { ok: true, value: await fn(input) }
  } catch (error) {
    return { ok: false, error }
  }
}

export function outcomeOf(result: { ok: true } | { ok: false; error: unknown }): string {
  if (result.ok) return 'ok'
  if (result.error instanceof TRPCError) return result.error.code
  return `non-tRPC error: ${String(result.error)}`
}

export interface Cell {
  path: string
  variant: string | undefined
  caller: CallerName
  relation: Relation
  expected: Outcome
  got: string
  /** The queries the call made, the session check included (docs/architecture.md §5). */
  queries: number
  problem: string | null
}

function describeCell(c: Omit<Cell, 'problem' | 'got' | 'queries'>): string {
  const where = c.relation === 'self' ? '' : ` (relation: ${c.relation})`
  return `${c.path}${c.variant ? ` [${c.variant}]` : ''} as ${c.caller}${where}`
}

function diffTables(before: Record<string, string[]>, after: Record<string, string[]>): string[] {
  const changed: string[] = []
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[table] ?? []
    const b = after[table] ?? []
    if (a.length !== b.length || a.some((row, i) => row !== b[i])) {
      const removed = a.filter((r) => !b.includes(r)).length
      const added = b.filter((r) => !a.includes(r)).length
      changed.push(`${table} (+${added} −${removed})`)
    }
  }
  return changed
}

export async function runCell(
  w: AuthzWorld,
  info: ProcedureInfo,
  pcase: ProcedureCase,
  variant: Variant,
  relation: Relation,
  caller: CallerName,
): Promise<Cell> {
  const exp = expected(pcase.access, variant, caller, relation)
  const ctx: CaseContext = { w, caller, callerId: w.idOf(caller), relation }
  const input = await variant.input(ctx)
  const trpc = await w.countedApi.as(ctx.callerId)
  const before = exp === 'ok' ? null : await snapshotAll(w.db, { except: MAY_CHANGE_ON_REFUSAL })
  let result: Awaited<ReturnType<typeof callPath>> | undefined
  const queries = await w.counter.measure(async () => {
    result = await callPath(trpc, info.path, input)
  })
  if (!result) throw new Error(`${info.path}: the call did not run`)
  const got = outcomeOf(result)
  const base = { path: info.path, variant: variant.name, caller, relation, expected: exp, got, queries }
  if (got !== exp) {
    const detail = result.ok ? '' : ` (“${(result.error as Error).message}”)`
    return { ...base, problem: `${describeCell(base)}: expected ${exp}, got ${got}${detail}` }
  }
  if (before) {
    const changed = diffTables(before, await snapshotAll(w.db, { except: MAY_CHANGE_ON_REFUSAL }))
    if (changed.length)
      return { ...base, problem: `${describeCell(base)}: refused (${got}) but changed ${changed.join(', ')}` }
  } else if (variant.check && result.ok) {
    try {
      await variant.check(ctx, input, result.value)
    } catch (error) {
      return { ...base, problem: `${describeCell(base)}: ${(error as Error).message}` }
    }
  }
  return { ...base, problem: null }
}

/** Every cell of one procedure, in `w` (a fresh world: each procedure gets its own). */
export async function runProcedure(
  w: AuthzWorld,
  info: ProcedureInfo,
  pcase: ProcedureCase,
): Promise<Cell[]> {
  const cells: Cell[] = []
  for (const variant of pcase.variants)
    for (const relation of variant.relations)
      for (const caller of CALLERS) cells.push(await runCell(w, info, pcase, variant, relation, caller))
  return cells
}
