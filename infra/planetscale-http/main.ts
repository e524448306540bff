/**
 * Runs the PlanetScale HTTP stand-in until interrupted:
 *
 *   tsx infra/planetscale-http/main.ts --mysql mysql://root@127.0.0.1:3306/test --port 3900
 *
 * and prints the DATABASE_URL to use (planetscale+http://user:password@host:port).
 */
import { parseArgs } from 'node:util'
import { startPlanetscaleHttp } from './server'

const usage = `Usage: tsx infra/planetscale-http/main.ts --mysql mysql://user:pass@host:3306/db [options]

  --mysql <url>         MySQL/MariaDB to serve (env PLANETSCALE_HTTP_MYSQL_URL)
  --port <n>            port to listen on (default 3900; 0 picks a free one)
  --host <addr>         address to listen on (default 127.0.0.1)
  --username <name>     the stand-in's own credentials (default planetscale)
  --password <secret>   (default planetscale)
  --max-rows <n>        rows a statement may return (default 100000, as PlanetScale)
  --tx-timeout <ms>     transaction lifetime (default 20000, as PlanetScale)
  --idle-timeout <ms>   idle session connection lifetime (default 20000)
  --verbose             log every statement
`

function main(): Promise<void> | void {
  const { values } = parseArgs({
    options: {
      mysql: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      'max-rows': { type: 'string' },
      'tx-timeout': { type: 'string' },
      'idle-timeout': { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const mysqlUrl = values.mysql ?? process.env.PLANETSCALE_HTTP_MYSQL_URL
  if (values.help || !mysqlUrl) {
    process.stdout.write(usage)
    process.exitCode = values.help ? 0 : 2
    return
  }
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v))
  return startPlanetscaleHttp({
    mysqlUrl,
    port: num(values.port) ?? 3900,
    host: values.host,
    username: values.username,
    password: values.password,
    maxRows: num(values['max-rows']),
    transactionTimeoutMs: num(values['tx-timeout']),
    idleTimeoutMs: num(values['idle-timeout']),
    log: values.verbose ? (line) => console.error(`[planetscale-http] ${line}`) : undefined,
  }).then((server) => {
    const driverUrl = server.url.replace(/^planetscale\+http:/, 'http:')
    console.log(`PlanetScale HTTP stand-in for ${mysqlUrl.replace(/\/\/[^@/]*@/, '//')} listening.`)
    console.log(`DATABASE_URL=${server.url}`)
    console.log(`(@planetscale/database: { url: '${driverUrl}' })`)
    const stop = () => {
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      )
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}

Promise.resolve(main()).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
