/**
 * `pnpm hub <command>`: the command line of the hub. Every command says what it did and exits
 * non-zero with a plain message when it cannot.
 */
import { parseArgs } from 'node:util'
import type { Db } from '@appg-hub/db'
import { createDb } from '@appg-hub/db/create-db'
import { type NodeSettings, readSettings } from '../config'
import { createAdmin } from './create-admin'
import { importRegisterFile } from './import-register'
import { migrate } from './migrate'
import { peopleReportCommand } from './people-report'
import { reindex } from './reindex'
import { ruleReportCommand } from './rule-report'
import { seedDemoWorld } from './seed-demo'
import { sendDigestsCommand } from './send-digests'
import { start } from './start'
import { syncRegister } from './sync-register'

const HELP = `APPG Hub command line

  pnpm hub migrate                         bring the database schema up to date
  pnpm hub import-register <file.jsonl>    import a Register edition (or, with --members,
                                           the topic tags and membership lists file)
  pnpm hub sync-register [--source URL|folder] [--parliament uk] [--verbose]
                                           download the Register from its publisher (mySociety's
                                           data package; REGISTER_SOURCE_URL) and import it: UK
                                           Parliament groups only unless --parliament says
  pnpm hub reindex                         rebuild the search index from the database
  pnpm hub people-report                   list every merge of people of the Register, and what
                                           ids or an alias fact must still settle
  pnpm hub rule-report [--at YYYY-MM-DD]   how many registered groups fail each rule check of the
                                           Guide to the Rules on APPGs (on that date); read-only
  pnpm hub seed-demo                       add the demo world and its accounts (DEMO_MODE=true only)
  pnpm hub create-admin --email E --name N [--password P]
                                           create (or promote) a site administrator
  pnpm hub start [--demo] [--verbose]      migrate, load a Register (REGISTER_DATA_DIR, else
                                           REGISTER_SOURCE_URL, else the demo Register) into an
                                           empty database, in demo mode the demo world, and
                                           serve the hub; --demo: DEMO_MODE defaults to true
  pnpm hub send-digests                    the daily job: expire overdue invitations, queue
                                           the digest emails, and deliver the outbox by SMTP
                                           when SMTP_URL is set (MAIL_FROM names the sender)

The database is DATABASE_URL (default sqlite:./data/appg-hub.db); see README.md.`

type Command = (db: Db, args: string[], settings: NodeSettings) => Promise<unknown>

const COMMANDS: Record<string, Command> = {
  migrate: (db) => migrate(db),
  'import-register': (db, args) => {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { members: { type: 'boolean' } },
    })
    if (positionals.length !== 1)
      throw new UsageError('import-register takes one file: pnpm hub import-register <file.jsonl>')
    return importRegisterFile(db, positionals[0]!, values.members ? 'members' : 'edition')
  },
  'sync-register': (db, args, settings) => {
    const { values } = parseArgs({
      args,
      options: {
        source: { type: 'string' },
        parliament: { type: 'string' },
        verbose: { type: 'boolean' },
      },
    })
    return syncRegister(db, values.source ?? settings.settings.REGISTER_SOURCE_URL, {
      parliament: values.parliament,
      verbose: values.verbose,
    })
  },
  'seed-demo': (db, _args, settings) => {
    if (!settings.config.demoMode)
      throw new UsageError(
        'seed-demo creates the demo accounts, which exist only in demo mode: run it with DEMO_MODE=true.',
      )
    return seedDemoWorld(db)
  },
  reindex: (db) => reindex(db),
  'create-admin': (db, args) => {
    const { values } = parseArgs({
      args,
      options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
    })
    if (!values.email || !values.name) throw new UsageError('create-admin needs --email and --name')
    return createAdmin(db, { email: values.email, name: values.name, password: values.password })
  },
  start: (db, args, settings) => {
    const { values } = parseArgs({
      args,
      options: { verbose: { type: 'boolean' }, demo: { type: 'boolean' } },
    })
    return start(db, settings, { verbose: values.verbose })
  },
  'send-digests': (db, _args, settings) => sendDigestsCommand(db, settings),
  'people-report': (db) => peopleReportCommand(db),
  'rule-report': (db, args) => {
    const { values } = parseArgs({ args, options: { at: { type: 'string' } } })
    return ruleReportCommand(db, values.at)
  },
}

export class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(HELP)
    return name ? 0 : 1
  }
  const command = COMMANDS[name]
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${HELP}`)
    return 2
  }
  let settings: NodeSettings
  try {
    // `start --demo` (what `pnpm start` runs) is the demo unless DEMO_MODE says otherwise.
    settings = readSettings(
      process.env,
      name === 'start' && args.includes('--demo') ? { DEMO_MODE: 'true' } : {},
    )
  } catch (error) {
    console.error((error as Error).message)
    return 2
  }
  let db: Db
  try {
    db = await createDb(settings.databaseUrl, { mysqlPoolSize: settings.settings.MYSQL_POOL_SIZE })
  } catch (error) {
    console.error(`Cannot open the database: ${(error as Error).message}`)
    return 1
  }
  try {
    await command(db, args, settings)
    if (name === 'start') return -1
    return 0
  } catch (error) {
    console.error(error instanceof UsageError ? error.message : `${name} failed: ${(error as Error).message}`)
    if (process.env.DEBUG) console.error(error)
    return error instanceof UsageError ? 2 : 1
  } finally {
    if (name !== 'start') await db.destroy()
  }
}

const code = await main(process.argv.slice(2))
if (code >= 0) process.exit(code)
