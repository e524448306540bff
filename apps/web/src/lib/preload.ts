/**
 * The main read of the pages most often opened directly (a group, a topic, a session, a document), shared
 * by the page and its route's `preload`: the router starts the read while the page's code is still
 * loading, and the page finds it in the cache (the same name and argument) instead of asking after.
 */
import { query, type RoutePreloadFuncArgs } from '@solidjs/router'
import { api } from './trpc'

export const READS = {
  group: { name: 'register.group', fetch: (slug: string) => api.register.group.query({ slug }) },
  topic: { name: 'topics.get', fetch: (id: string) => api.topics.get.query({ id }) },
  session: { name: 'sessions.get', fetch: (id: string) => api.sessions.get.query({ id }) },
  document: { name: 'documents.get', fetch: (id: string) => api.documents.get.query({ id }) },
} as const

type Kind = keyof typeof READS

/** A route's preload for the page whose read is `kind`, keyed by the route's `param`. */
export function preloadRead(kind: Kind, param: 'id' | 'slug') {
  const { name, fetch } = READS[kind]
  const read = query(fetch as (value: string) => Promise<unknown>, name)
  return ({ params }: RoutePreloadFuncArgs) => {
    const value = params[param]
    if (value) void read(value).catch(() => undefined)
  }
}
