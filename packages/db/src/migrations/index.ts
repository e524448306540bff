import type { Migration } from 'kysely/migration'
import * as initial from './0001-initial'
import * as jointWork from './0002-joint-work'
import * as sessions from './0003-sessions'
import * as documents from './0004-documents'
import * as passwordReset from './0005-password-reset'
import * as search from './0006-search'
import * as collab from './0007-collab'
import * as files from './0008-files'
import * as cacheVersion from './0009-cache-version'
import * as publicationConsent from './0010-publication-consent'
import * as people from './0011-people'
import * as personAlias from './0012-person-alias'
import * as listIndexes from './0013-list-indexes'
import * as groupListIndexes from './0014-group-list-indexes'

/**
 * Every migration, in order. Listed by hand rather than read from the file system so that the
 * same list works in a bundle (the Worker build) and under any test runner.
 */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-joint-work': jointWork,
  '0003-sessions': sessions,
  '0004-documents': documents,
  '0005-password-reset': passwordReset,
  '0006-search': search,
  '0007-collab': collab,
  '0008-files': files,
  '0009-cache-version': cacheVersion,
  '0010-publication-consent': publicationConsent,
  '0011-people': people,
  '0012-person-alias': personAlias,
  '0013-list-indexes': listIndexes,
  '0014-group-list-indexes': groupListIndexes,
}
