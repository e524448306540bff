export { booleanQuery, mysqlMatches } from './mysql'
export {
  hasRequiredTerms,
  MAX_QUERY_LENGTH,
  type ParsedQuery,
  parseQuery,
  type SearchTerm,
  tokensOf,
} from './parse'
export * from './query'
export { makeSnippet, type SnippetPart } from './snippet'
export { fts5Query, sqliteMatches } from './sqlite'
