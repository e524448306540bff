/** The read guard of a session: its row as well as its rights, since most session changes need both. */
import type { ServiceContext } from '../context'
import { assertCan } from '../items/access'
import type { LoadedItem } from '../items/load'
import { loadSession, type SessionRow } from './load'

/** The session and the caller's rights; NOT_FOUND when the caller may not read it. */
export async function readableSession(
  ctx: ServiceContext,
  id: string,
): Promise<{ row: SessionRow; item: LoadedItem }> {
  const session = await loadSession(ctx.db, ctx.actor, id)
  assertCan(session.item.access, 'item.read', 'That session', '')
  return session
}
