/**
 * The Register of All-Party Parliamentary Groups: reading its files (an edition, the members file,
 * the publisher's data package), importing them, reporting on its people, and the demo world.
 */
export {
  DATAPACKAGE_FILES,
  DatapackageError,
  type DatapackageFile,
  type DatapackageLines,
  datapackageToLines,
  parseDatapackageCsv,
} from './datapackage'
export { DEMO_REGISTER_EDITION, DEMO_REGISTER_FILE } from './demo/demo-register'
export { DEMO_GROUP_SLUG, type DemoAccount, type SeedDemoOptions, seedDemo } from './demo/seed-demo'
export {
  type ImportMode,
  type ImportOptions,
  type ImportReport,
  importRegister,
} from './import/index'
export {
  cleanLine,
  cleanPersonName,
  cleanText,
  isPeerName,
  type MemberType,
  mapOfficerRole,
  normaliseCategory,
  normaliseName,
  normaliseSlug,
  type OfficerRole,
  type ParsedLine,
  parseRegisterLine,
  personKindOf,
  type RegisterBenefit,
  type RegisterEntry,
  type RegisterGroupFields,
  type RegisterMember,
  type RegisterOfficer,
  type RegisterPerson,
  type RegisterProblem,
  registerDate,
  registerKeyOf,
} from './parse'

/**
 * The lines of a file, read as a stream (Node only; the modules are loaded on first use so that
 * importing this package from a Worker does not pull in the file system).
 */
export async function* readLines(path: string | URL): AsyncIterable<string> {
  const { createReadStream } = await import('node:fs')
  const { createInterface } = await import('node:readline')
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })
  try {
    for await (const line of lines) yield line
  } finally {
    lines.close()
  }
}
export {
  buildPeopleReport,
  type PeopleReport,
  peopleReport,
  type ReportPerson,
} from './people/report'
export { isShortTitle, shortTitle } from './people/titles'
