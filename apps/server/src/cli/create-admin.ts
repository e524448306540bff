import { randomBytes } from 'node:crypto'
import {
  audit,
  hashPassword,
  invalidateAllSignIns,
  newPersonRow,
  normaliseEmail,
  passwordProblem,
  systemClock,
} from '@appg-hub/core'
import { type Db, migrateToLatest } from '@appg-hub/db'

export async function createAdmin(
  db: Db,
  input: { email: string; name: string; password?: string },
): Promise<void> {
  await migrateToLatest(db)
  const email = normaliseEmail(input.email)
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new Error(`"${input.email}" is not an email address.`)
  const password = input.password ?? randomBytes(12).toString('base64url')
  const problem = await passwordProblem(password, [email, input.name])
  if (problem) throw new Error(`That password is refused: ${problem}`)
  const hash = await hashPassword(password)
  const now = new Date().toISOString()
  const existing = await db.selectFrom('person').select('id').where('email', '=', email).executeTakeFirst()
  if (existing) {
    await db.transaction().execute(async (tx) => {
      await tx
        .updateTable('person')
        .set({ is_site_admin: 1, password_hash: hash, updated_at: now })
        .where('id', '=', existing.id)
        .execute()
      await invalidateAllSignIns({ db: tx }, existing.id)
      await audit(tx, systemClock, {
        actorId: null,
        action: 'admin.promoted',
        details: { personId: existing.id, via: 'command line' },
      })
    })
    console.log(`${email} is now a site administrator; its password was reset.`)
  } else {
    const person = newPersonRow(
      { email, displayName: input.name, kind: 'staff', passwordHash: hash, isSiteAdmin: true },
      now,
    )
    const id = person.id
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('person').values(person).execute()
      await audit(tx, systemClock, {
        actorId: null,
        action: 'admin.created',
        details: { personId: id, via: 'command line' },
      })
    })
    console.log(`Created site administrator ${email}.`)
  }
  if (!input.password) console.log(`Password: ${password}  (shown once; change it after signing in)`)
}
