import { hashPassword } from '@appg-hub/core'
import { type Db, migrateToLatest } from '@appg-hub/db'
import { seedDemo } from '@appg-hub/register/demo/seed-demo'

export async function seedDemoWorld(db: Db) {
  await migrateToLatest(db)
  const accounts = await seedDemo(db, { hashPassword: (pw) => hashPassword(pw) })
  console.log(`Demo world ready: ${accounts.length} accounts.`)
  return accounts
}
