export { booleanQuery, mysqlMatches } from './mysql'
export {
  MAX_QUERY_LENGTH,
  type ParsedQuery,
  parseQuery,
  type SearchTerm,
} from './parse'
export * from './query'
export { makeSnippet, type SnippetPart } from './snippet'
export { fts5Query, sqliteMatches } from './sqlite'
