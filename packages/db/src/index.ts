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
