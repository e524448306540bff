export { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from './demo-constants'
export { newId } from './ids'
export {
  createKysely,
  type DatabaseTarget,
  type Db,
  DEFAULT_DATABASE_URL,
  dialectOf,
  parseDatabaseUrl,
} from './kysely'
export { migrateToLatest } from './migrate'
export * from './schema'
export {
  type IndexDocType,
  indexItem,
  indexItems,
  rebuildSearchIndex,
  removeItem,
  removeItems,
  SEARCH_DOC_TYPES,
  type SearchDocType,
} from './search/index-rows'
export { bumpCacheVersion, type CacheName, readCacheVersion } from './sql/cache-version'
export { type CounterCharge, chargeCounters, incrementCounter } from './sql/counter'
export { jsonAgg, parseJsonArray } from './sql/json'
export { preparedQueries, preparedQuery } from './sql/prepared'
export { isUniqueViolation } from './sql/unique'
export { isDatabaseUnavailable } from './unavailable'
