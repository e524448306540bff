/**
 * Every step of the handshake is told to both sides: the chair and officers of the group that
 * invites (or owns the item) and of the group invited (or taking part), never the person who
 * took the step. Each side reads it from its own point of view.
 */
import type { Db, ItemType } from '@appg-hub/db'
import type { Clock } from '../clock'
import type { HubConfig } from '../context'
import { ITEM_NOUN, itemPath } from '../items/load'
import { plainExcerpt } from '../markdown'
import { invitationsPath, type NotificationKind } from '../notifications/kinds'
import { type NotificationInput, notify } from '../notifications/notify'
import { officersOf } from '../notifications/recipients'

export interface Side {
  appgId: string
  slug: string
  title: string
}

export type HandshakeStep = 'sent' | 'accepted' | 'declined' | 'withdrawn' | 'expired' | 'left' | 'removed'

export interface HandshakeEvent {
  step: HandshakeStep
  item: { type: ItemType; id: string; title: string }
  /** The group that invites, or owns the item. */
  owner: Side
  /** The group invited, or taking part. */
  partner: Side
  actor: { id: string; name: string } | null
  /** The invitation's message or the answer's reply. */
  words?: string | null
}

const KIND: Record<HandshakeStep, NotificationKind> = {
  sent: 'invitation.received',
  accepted: 'invitation.accepted',
  declined: 'invitation.declined',
  withdrawn: 'invitation.withdrawn',
  expired: 'invitation.expired',
  left: 'partner.left',
  removed: 'partner.removed',
}

/** The headline and link for each side: the partner group's officers first, then the owner's. */
export function handshakeTexts(e: HandshakeEvent): {
  partner: { text: string; path: string }
  owner: { text: string; path: string }
} {
  const what = `the ${ITEM_NOUN[e.item.type]} “${e.item.title}”`
  const who = e.actor?.name ?? 'Someone'
  const P = e.partner.title
  const O = e.owner.title
  const item = itemPath(e.item.type, e.item.id)
  const partnerInbox = invitationsPath(e.partner.slug)
  const ownerInbox = invitationsPath(e.owner.slug)
  switch (e.step) {
    case 'sent':
      return {
        partner: { text: `${O} invites ${P} to join ${what}`, path: partnerInbox },
        owner: { text: `${who} invited ${P} to join ${what}`, path: ownerInbox },
      }
    case 'accepted':
      return {
        partner: { text: `${who} accepted for ${P} the invitation to join ${what}`, path: item },
        owner: { text: `${P} accepted the invitation to join ${what}`, path: item },
      }
    case 'declined':
      return {
        partner: { text: `${who} declined for ${P} the invitation to join ${what}`, path: partnerInbox },
        owner: { text: `${P} declined the invitation to join ${what}`, path: ownerInbox },
      }
    case 'withdrawn':
      return {
        partner: { text: `${O} withdrew its invitation to ${P} to join ${what}`, path: partnerInbox },
        owner: { text: `${who} withdrew the invitation to ${P} to join ${what}`, path: ownerInbox },
      }
    case 'expired':
      return {
        partner: {
          text: `The invitation to ${P} to join ${what} expired without an answer`,
          path: partnerInbox,
        },
        owner: { text: `The invitation to ${P} to join ${what} expired without an answer`, path: ownerInbox },
      }
    case 'left':
      return {
        partner: { text: `${who} took ${P} out of ${what}`, path: `/groups/${e.partner.slug}` },
        owner: { text: `${P} left ${what}`, path: item },
      }
    case 'removed':
      return {
        partner: { text: `${O} removed ${P} from ${what}`, path: `/groups/${e.partner.slug}` },
        owner: { text: `${who} removed ${P} from ${what}`, path: item },
      }
  }
}

/**
 * Tells both sides of each event. Events about one invitation each are told one by one (someone
 * in both groups hears it once, as the group addressed); when one person invites several groups
 * at once, the inviting side hears it in one notification naming them all.
 */
export async function notifyHandshake(
  tx: Db,
  ctx: { clock: Clock; config: HubConfig },
  events: HandshakeEvent[],
): Promise<void> {
  if (events.length === 0) return
  const officers = await officersOf(tx, [
    ...new Set(events.flatMap((e) => [e.partner.appgId, e.owner.appgId])),
  ])
  const officersOfGroup = (appgId: string) =>
    officers.filter((o) => o.appgId === appgId).map((o) => o.personId)
  const entry = (
    e: HandshakeEvent,
    personId: string,
    side: 'partner' | 'owner',
    text: string,
    path: string,
  ): NotificationInput => ({
    personId,
    kind: side === 'owner' && e.step === 'sent' ? 'invitation.sent' : KIND[e.step],
    text,
    path,
    itemType: e.item.type,
    itemId: e.item.id,
    appgId: side === 'partner' ? e.partner.appgId : e.owner.appgId,
    excerpt: e.words ? plainExcerpt(e.words) : null,
  })
  const first = events[0]!
  const batchedSend =
    events.length > 1 &&
    events.every(
      (e) => e.step === 'sent' && e.owner.appgId === first.owner.appgId && e.actor?.id === first.actor?.id,
    )
  for (const e of events) {
    const texts = handshakeTexts(e)
    const entries = officersOfGroup(e.partner.appgId).map((id) =>
      entry(e, id, 'partner', texts.partner.text, texts.partner.path),
    )
    if (!batchedSend)
      entries.push(
        ...officersOfGroup(e.owner.appgId).map((id) =>
          entry(e, id, 'owner', texts.owner.text, texts.owner.path),
        ),
      )
    await notify(tx, ctx, e.actor?.id ?? null, entries)
  }
  if (batchedSend) {
    const names = events.map((e) => e.partner.title)
    const list = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
    const text = `${first.actor?.name ?? 'Someone'} invited ${list} to join the ${ITEM_NOUN[first.item.type]} “${first.item.title}”`
    const path = invitationsPath(first.owner.slug)
    await notify(
      tx,
      ctx,
      first.actor?.id ?? null,
      officersOfGroup(first.owner.appgId).map((id) => entry(first, id, 'owner', text, path)),
    )
  }
}
