/**
 * Counts the queries a database instance runs (docs/architecture.md §5: on the edge every query is an HTTP
 * call, so the main procedures keep theirs to a small fixed number). Wrap a database with
 * `db.withPlugin(counter)`, run the procedure, read `counter.count` (and `counter.log` to see
 * which queries they were).
 */
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely'

export class QueryCounter implements KyselyPlugin {
  count = 0
  /** The kind of each query run (SelectQueryNode, InsertQueryNode, …), in order. */
  readonly log: string[] = []
  readonly #pending = new Map<unknown, string>()

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.#pending.set(args.queryId, args.node.kind)
    return args.node
  }

  /** Called once for each query that ran and returned, whatever it was. */
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.count++
    this.log.push(this.#pending.get(args.queryId) ?? 'RawNode')
    this.#pending.delete(args.queryId)
    return args.result
  }

  reset(): void {
    this.count = 0
    this.log.length = 0
  }

  /** How many queries `run` makes. */
  async measure(run: () => Promise<unknown>): Promise<number> {
    this.reset()
    await run()
    return this.count
  }
}
