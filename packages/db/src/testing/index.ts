/**
 * Helpers for tests that run against a real database: throw-away SQLite and MariaDB databases, and
 * where the Register data the tests read lives. Imported as `@appg-hub/db/testing`; never by
 * production code.
 */
export { type TestDatabase, testDatabases } from './databases'
export { createMysqlDatabase, dropMysqlDatabases } from './mysql-database'
export {
  DATAPACKAGE_FIXTURE_DIR,
  DEMO_REGISTER_FILE,
  NEEDS_REAL_REGISTER,
  REAL_REGISTER_DIR,
} from './register-data'
