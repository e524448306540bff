import type { Db } from '@appg-hub/db'
import { newId } from '@appg-hub/db'
import type { Clock } from './clock'

export interface AuditInput {
  actorId: string | null
  action: string
  appgId?: string | null
  itemType?: string | null
  itemId?: string | null
  /** Particulars; never a secret, token or password. */
  details?: Record<string, unknown>
}

/** Appends one audit event; call it inside the transaction that makes the change. */
export async function audit(db: Db, clock: Clock, input: AuditInput): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      id: newId(),
      at: clock.now().toISOString(),
      actor_id: input.actorId,
      action: input.action,
      appg_id: input.appgId ?? null,
      item_type: input.itemType ?? null,
      item_id: input.itemId ?? null,
      details: JSON.stringify(input.details ?? {}),
    })
    .execute()
}
