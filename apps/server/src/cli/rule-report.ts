import { failingRuleChecks, fakeClock, RULE_IDS, RULES, systemClock } from '@appg-hub/core'
import type { Db } from '@appg-hub/db'
import { migrateToLatest } from '@appg-hub/db'

/**
 * How many registered groups fail each rule check, read-only: on today's date, or on `--at`
 * (YYYY-MM-DD, e.g. the edition's date, when the Register's deadlines are judged as it was published).
 */
export async function ruleReportCommand(db: Db, at: string | undefined): Promise<void> {
  if (at !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(at)) throw new Error('--at takes a date: YYYY-MM-DD')
  await migrateToLatest(db)
  const clock = at ? fakeClock(new Date(`${at}T12:00:00.000Z`)) : systemClock
  const failing = await failingRuleChecks({ db, clock })
  const registered = await db
    .selectFrom('appg')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'registered')
    .executeTakeFirstOrThrow()
  console.log(
    `${failing.length} of ${Number(registered.n)} registered groups fail at least one rule check (on ${clock.now().toISOString().slice(0, 10)})`,
  )
  for (const id of RULE_IDS) {
    const n = failing.filter((g) => g.failing.some((c) => c.id === id)).length
    console.log(`${String(n).padStart(5)}  ${RULES[id].name}`)
  }
}
