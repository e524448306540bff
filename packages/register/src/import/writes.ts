/** One unit's writes (a group's, or the parliamentary ids'), batched per table and sent in one transaction. */
import { type AuditInput, auditMany } from '@appg-hub/core'
import {
  type AppgTable,
  type BenefitTable,
  bumpCacheVersion,
  type Db,
  indexItem,
  type MembershipTable,
  type PersonAliasTable,
  type PersonTable,
} from '@appg-hub/db'
import type { Insertable } from 'kysely'
import type { GroupRow, MembershipRow, PersonRow } from './types'

const CHUNK = 500

export class Writes {
  personInserts: Insertable<PersonTable>[] = []
  aliasInserts: Insertable<PersonAliasTable>[] = []
  personUpdates = new Map<string, Partial<PersonRow> & { updated_at: string }>()
  groupInsert: Insertable<AppgTable> | null = null
  groupUpdate: { id: string; set: Partial<GroupRow> } | null = null
  benefitsReplace: { appgId: string; rows: Insertable<BenefitTable>[] } | null = null
  membershipInserts: Insertable<MembershipTable>[] = []
  membershipUpdates: { id: string; set: Partial<MembershipRow> & { updated_at: string } }[] = []
  membershipDeletes: string[] = []
  tagInserts: { appg_id: string; tag: string }[] = []
  tagDeletes: { appg_id: string; tag: string }[] = []
  /** Written through core's audit module, at the unit's time, by nobody (the import). */
  audits: AuditInput[] = []

  constructor(readonly now: string) {}

  updatePerson(id: string, set: Partial<PersonRow>): void {
    const pending = this.personInserts.find((p) => p.id === id)
    if (pending) {
      Object.assign(pending, set)
      return
    }
    this.personUpdates.set(id, { ...this.personUpdates.get(id), ...set, updated_at: this.now })
  }

  get empty(): boolean {
    return (
      this.personInserts.length === 0 &&
      this.personUpdates.size === 0 &&
      this.aliasInserts.length === 0 &&
      !this.groupInsert &&
      !this.groupUpdate &&
      !this.benefitsReplace &&
      this.membershipInserts.length === 0 &&
      this.membershipUpdates.length === 0 &&
      this.membershipDeletes.length === 0 &&
      this.tagInserts.length === 0 &&
      this.tagDeletes.length === 0 &&
      this.audits.length === 0
    )
  }

  async flush(db: Db): Promise<void> {
    if (this.empty) return
    const at = new Date(this.now)
    await db.transaction().execute(async (trx) => {
      for (const rows of chunks(this.personInserts)) await trx.insertInto('person').values(rows).execute()
      for (const [id, set] of this.personUpdates)
        await trx.updateTable('person').set(set).where('id', '=', id).execute()
      for (const rows of chunks(this.aliasInserts))
        await trx.insertInto('person_alias').values(rows).execute()
      if (this.groupInsert) await trx.insertInto('appg').values(this.groupInsert).execute()
      if (this.groupUpdate)
        await trx
          .updateTable('appg')
          .set(this.groupUpdate.set)
          .where('id', '=', this.groupUpdate.id)
          .execute()
      // The group's title and purpose are searchable: the index changes with them.
      if (this.groupInsert) await indexItem(trx, 'group', this.groupInsert.id, { isNew: true })
      else if (this.groupUpdate) await indexItem(trx, 'group', this.groupUpdate.id)
      if (this.benefitsReplace) {
        // A group made in this same transaction has no benefits to delete.
        if (!this.groupInsert)
          await trx.deleteFrom('benefit').where('appg_id', '=', this.benefitsReplace.appgId).execute()
        for (const rows of chunks(this.benefitsReplace.rows))
          await trx.insertInto('benefit').values(rows).execute()
      }
      for (const ids of chunks(this.membershipDeletes))
        await trx.deleteFrom('membership').where('id', 'in', ids).execute()
      for (const { id, set } of this.membershipUpdates)
        await trx.updateTable('membership').set(set).where('id', '=', id).execute()
      for (const rows of chunks(this.membershipInserts))
        await trx.insertInto('membership').values(rows).execute()
      for (const { appg_id, tag } of this.tagDeletes)
        await trx.deleteFrom('appg_tag').where('appg_id', '=', appg_id).where('tag', '=', tag).execute()
      for (const rows of chunks(this.tagInserts)) await trx.insertInto('appg_tag').values(rows).execute()
      await auditMany(trx, { now: () => at }, this.audits)
      // Answers cached from the Register (its groups and their tags) are stale from this commit on.
      if (this.groupInsert || this.groupUpdate || this.tagInserts.length > 0 || this.tagDeletes.length > 0)
        await bumpCacheVersion(trx, 'register')
    })
  }
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK))
  return out
}
