export {
  createDb,
  createKysely,
  dialectOf,
  parseDatabaseUrl,
  DEFAULT_DATABASE_URL,
  type Db,
} from './create-db'
export { migrateToLatest } from './migrate'
export { newId } from './ids'
export * from './schema'
export { jsonAgg, parseJsonArray } from './sql/json'
export { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from './demo-constants'
