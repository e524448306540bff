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

/** Rows per insert statement: well under every dialect's limit on bound parameters. */
const AUDIT_CHUNK = 500

/** Appends one audit event; call it inside the transaction that makes the change. */
export async function audit(db: Db, clock: Clock, input: AuditInput): Promise<void> {
  await auditMany(db, clock, [input])
}

/**
 * Appends several audit events at one time, in as few statements as possible (an import records
 * hundreds in one transaction, and on the edge each statement is a round trip).
 */
export async function auditMany(db: Db, clock: Clock, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return
  const at = clock.now().toISOString()
  const rows = inputs.map((input) => ({
    id: newId(),
    at,
    actor_id: input.actorId,
    action: input.action,
    appg_id: input.appgId ?? null,
    item_type: input.itemType ?? null,
    item_id: input.itemId ?? null,
    details: JSON.stringify(input.details ?? {}),
  }))
  for (let i = 0; i < rows.length; i += AUDIT_CHUNK)
    await db
      .insertInto('audit_event')
      .values(rows.slice(i, i + AUDIT_CHUNK))
      .execute()
}
