/**
 * The one way the hub answers a CSV download (the hosts' sign-ups, the site administrator's audit
 * log): signed in, rate-limited per person (RATE_RULES.exportsPerPerson), never cached, an attachment.
 */
import type { ApiDeps } from '@appg-hub/api'
import { consumeRate, RATE_RULES, type ServiceContext } from '@appg-hub/core'
import type { Context } from 'hono'
import { authOf } from './authenticate'
import { failureText } from './http-errors'

export async function csvDownload(
  c: Context,
  deps: ApiDeps,
  make: (ctx: ServiceContext) => Promise<{ csv: string; filename: string }>,
): Promise<Response> {
  try {
    const ctx: ServiceContext = { ...deps, actor: await authOf(c).getActor() }
    if (!ctx.actor) return c.text('Please sign in first.', 401)
    const rate = await consumeRate(deps, RATE_RULES.exportsPerPerson, ctx.actor.id)
    if (!rate.allowed) {
      c.header('retry-after', String(rate.retryAfterSeconds))
      return c.text('Too many downloads. Please wait and try again.', 429)
    }
    const { csv, filename } = await make(ctx)
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'private, no-store',
    })
  } catch (error) {
    return failureText(c, error)
  }
}
