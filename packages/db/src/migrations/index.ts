import type { Migration } from 'kysely/migration'
import * as initial from './0001-initial'

/**
 * Every migration, in order. Listed by hand rather than read from the file system so that the
 * same list works in a bundle (the Worker build) and under any test runner.
 */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
}
