/**
 * A tRPC client over real HTTP for one person: it keeps its own cookies, and sends the Origin a
 * browser would, so that tests go through the same middleware (CSRF, cookies) as the web client.
 */
import type { AppRouter } from '@appg-hub/api'
import { createTRPCClient, httpLink } from '@trpc/client'

export function httpClient(baseUrl: string) {
  const cookies = new Map<string, string>()
  const fetchWithCookies: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers)
    if (cookies.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    headers.set('origin', new URL(baseUrl).origin)
    const response = await fetch(input, { ...init, headers })
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';')
      const eq = pair!.indexOf('=')
      const name = pair!.slice(0, eq).trim()
      const value = pair!.slice(eq + 1).trim()
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()))
      if (expired || !value) cookies.delete(name)
      else cookies.set(name, value)
    }
    return response
  }
  const client = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/trpc`, fetch: fetchWithCookies })],
  })
  return { client, cookies }
}
