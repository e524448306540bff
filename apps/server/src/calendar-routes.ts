/**
 * Public HTTP routes for sessions that non-JS clients read (docs/architecture.md §6): iCalendar files and feeds,
 * and the hosts' CSV of sign-ups. Signed-in reads use the session cookie, like the API.
 */
import type { ApiDeps } from '@appg-hub/api'
import { groupCalendar, personalCalendar, sessionCalendar, signupsCsv } from '@appg-hub/core'
import type { Context, Hono } from 'hono'
import { authOf } from './authenticate'
import { csvDownload } from './csv-download'
import { failureText } from './http-errors'

function calendar(c: Context, ics: string, filename: string, cache: 'public' | 'private'): Response {
  return c.body(ics, 200, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `inline; filename="${filename}"`,
    'cache-control': cache === 'public' ? 'public, max-age=300' : 'private, no-store',
  })
}

/** Mounts the routes; call before the client's catch-all routes. */
export function registerCalendarRoutes(app: Hono, deps: ApiDeps): void {
  async function service(c: Context) {
    return { ...deps, actor: await authOf(c).getActor() }
  }

  /** One session: public sessions for anyone, others for their readers. */
  app.get('/sessions/:file{[A-Za-z0-9_-]{1,36}\\.ics}', async (c) => {
    const id = c.req.param('file').replace(/\.ics$/, '')
    try {
      const ctx = await service(c)
      const { ics, filename } = await sessionCalendar(ctx, id)
      return calendar(c, ics, filename, ctx.actor ? 'private' : 'public')
    } catch (error) {
      return failureText(c, error)
    }
  })

  /** The hosts' list of sign-ups as CSV. */
  app.get('/sessions/:id{[A-Za-z0-9_-]{1,36}}/signups.csv', async (c) => {
    return csvDownload(c, deps, (ctx) => signupsCsv(ctx, { id: c.req.param('id') }))
  })

  /** A person's feed at its secret address; unknown or revoked addresses are 404. */
  app.get('/calendar/:file{[a-z2-7]{32}\\.ics}', async (c) => {
    const token = c.req.param('file').replace(/\.ics$/, '')
    const ics = await personalCalendar({ ...deps, actor: null }, token)
    if (ics === null) return c.text('No such calendar.', 404)
    c.header('referrer-policy', 'no-referrer')
    return calendar(c, ics, 'appg-hub.ics', 'private')
  })

  /** A group's public sessions. */
  app.get('/groups/:slug{[a-z0-9-]{1,100}}/calendar.ics', async (c) => {
    const ics = await groupCalendar({ ...deps, actor: null }, c.req.param('slug'))
    if (ics === null) return c.text('No such group.', 404)
    return calendar(c, ics, `${c.req.param('slug')}.ics`, 'public')
  })
}
