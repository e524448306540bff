/**
 * The `debug` package, as the Worker needs it: off. `file-type`'s ZIP reader (@tokenizer/inflate)
 * imports `debug` for logs that are only written when a DEBUG variable names them, which a Worker
 * never has; the real package (with `ms`) cost about 3.5 KB of the 300 KB gzipped budget.
 * Aliased in wrangler.toml; Node keeps the real package.
 */
type Logger = ((...args: unknown[]) => void) & {
  enabled: boolean
  namespace: string
  extend: (name: string) => Logger
}

export default function createDebug(namespace: string): Logger {
  const log = (() => {}) as Logger
  log.enabled = false
  log.namespace = namespace
  log.extend = (name: string) => createDebug(`${namespace}:${name}`)
  return log
}
