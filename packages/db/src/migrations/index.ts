import type { Migration } from 'kysely/migration'
import * as initial from './0001-initial'
import * as jointWork from './0002-joint-work'

/**
 * Every migration, in order. Listed by hand rather than read from the file system so that the
 * same list works in a bundle (the Worker build) and under any test runner.
 */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-joint-work': jointWork,
}
