/** The read guard of a session: its row as well as its rights, since most session changes need both. */
import type { ServiceContext } from '../context'
import { assertCan } from '../items/access'
import type { LoadedItem } from '../items/load'
import { loadMeeting, type MeetingRow } from './load'

/** The session and the caller's rights; NOT_FOUND when the caller may not read it. */
export async function readableMeeting(
  ctx: ServiceContext,
  id: string,
): Promise<{ row: MeetingRow; item: LoadedItem }> {
  const meeting = await loadMeeting(ctx.db, ctx.actor, id)
  assertCan(meeting.item.access, 'item.read', 'That session', '')
  return meeting
}
