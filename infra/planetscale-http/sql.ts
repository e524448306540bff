/**
 * Just enough SQL lexing for the PlanetScale stand-in: classify a statement (does it open or end a
 * transaction, change session state, need a connection of its own?), spot `LAST_INSERT_ID()`, and
 * redact literals the way Vitess's normaliser does before a statement is quoted in an error message.
 * It is a lexer, not a parser: it never has to understand a whole statement.
 */

export type TokenKind =
  | 'space'
  | 'comment'
  | 'word'
  | 'ident' // `backquoted`
  | 'string' // '...' or "..."
  | 'number'
  | 'hex' // X'..' or 0x..
  | 'bit' // B'..' or 0b..
  | 'uservar' // @name, @'name', @`name`
  | 'sysvar' // @@name, @@session.name
  | 'op'

export interface Token {
  kind: TokenKind
  text: string
  start: number
  end: number
}

const WORD_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/
const DIGIT = /[0-9]/
const MULTI_CHAR_OPS = ['<=>', '->>', ':=', '<=', '>=', '<>', '!=', '||', '&&', '<<', '>>', '->']

function skipQuoted(sql: string, from: number, quote: string, backslashEscapes: boolean): number {
  let i = from + 1
  while (i < sql.length) {
    const c = sql[i]
    if (backslashEscapes && c === '\\') {
      i += 2
      continue
    }
    if (c === quote) {
      if (sql[i + 1] === quote) {
        i += 2
        continue
      }
      return i + 1
    }
    i++
  }
  return sql.length
}

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  const push = (kind: TokenKind, end: number) => {
    tokens.push({ kind, text: sql.slice(i, end), start: i, end })
    i = end
  }
  while (i < sql.length) {
    const c = sql[i]!
    const next = sql[i + 1] ?? ''
    if (/\s/.test(c)) {
      let j = i + 1
      while (j < sql.length && /\s/.test(sql[j]!)) j++
      push('space', j)
    } else if (
      c === '#' ||
      (c === '-' && next === '-' && (i + 2 >= sql.length || sql.charCodeAt(i + 2) <= 32))
    ) {
      const nl = sql.indexOf('\n', i)
      push('comment', nl < 0 ? sql.length : nl + 1)
    } else if (c === '/' && next === '*') {
      const close = sql.indexOf('*/', i + 2)
      push('comment', close < 0 ? sql.length : close + 2)
    } else if (c === "'" || c === '"') {
      push('string', skipQuoted(sql, i, c, true))
    } else if (c === '`') {
      push('ident', skipQuoted(sql, i, '`', false))
    } else if ((c === 'x' || c === 'X') && next === "'") {
      i++
      const end = skipQuoted(sql, i, "'", false)
      i--
      push('hex', end)
    } else if ((c === 'b' || c === 'B') && next === "'") {
      i++
      const end = skipQuoted(sql, i, "'", false)
      i--
      push('bit', end)
    } else if ((c === 'n' || c === 'N') && next === "'") {
      i++
      const end = skipQuoted(sql, i, "'", true)
      i--
      push('string', end)
    } else if (c === '0' && (next === 'x' || next === 'X') && /[0-9a-fA-F]/.test(sql[i + 2] ?? '')) {
      let j = i + 2
      while (j < sql.length && /[0-9a-fA-F]/.test(sql[j]!)) j++
      if (j < sql.length && WORD_CHAR.test(sql[j]!)) {
        while (j < sql.length && WORD_CHAR.test(sql[j]!)) j++
        push('word', j)
      } else push('hex', j)
    } else if (c === '0' && (next === 'b' || next === 'B') && /[01]/.test(sql[i + 2] ?? '')) {
      let j = i + 2
      while (j < sql.length && /[01]/.test(sql[j]!)) j++
      if (j < sql.length && WORD_CHAR.test(sql[j]!)) {
        while (j < sql.length && WORD_CHAR.test(sql[j]!)) j++
        push('word', j)
      } else push('bit', j)
    } else if (DIGIT.test(c) || (c === '.' && DIGIT.test(next))) {
      let j = i
      while (j < sql.length && DIGIT.test(sql[j]!)) j++
      if (sql[j] === '.') {
        j++
        while (j < sql.length && DIGIT.test(sql[j]!)) j++
      }
      if ((sql[j] === 'e' || sql[j] === 'E') && /[0-9+-]/.test(sql[j + 1] ?? '')) {
        let k = j + 1
        if (sql[k] === '+' || sql[k] === '-') k++
        if (DIGIT.test(sql[k] ?? '')) {
          while (k < sql.length && DIGIT.test(sql[k]!)) k++
          j = k
        }
      }
      // `1abc` is an identifier in MySQL, not a number followed by a word
      if (j < sql.length && WORD_CHAR.test(sql[j]!) && !sql.slice(i, j).includes('.')) {
        while (j < sql.length && WORD_CHAR.test(sql[j]!)) j++
        push('word', j)
      } else push('number', j)
    } else if (c === '@' && next === '@') {
      let j = i + 2
      while (j < sql.length && (WORD_CHAR.test(sql[j]!) || sql[j] === '.')) j++
      push('sysvar', j)
    } else if (c === '@') {
      if (next === "'" || next === '"' || next === '`') {
        i++
        const end = skipQuoted(sql, i, next, next !== '`')
        i--
        push('uservar', end)
      } else {
        let j = i + 1
        while (j < sql.length && (WORD_CHAR.test(sql[j]!) || sql[j] === '.')) j++
        push('uservar', j)
      }
    } else if (WORD_CHAR.test(c)) {
      let j = i + 1
      while (j < sql.length && WORD_CHAR.test(sql[j]!)) j++
      push('word', j)
    } else {
      const op = MULTI_CHAR_OPS.find((o) => sql.startsWith(o, i))
      push('op', i + (op ? op.length : 1))
    }
  }
  return tokens
}

/** Tokens that mean something: no whitespace, no comments (`/*! ... *\/` version comments included). */
export function significant(tokens: Token[]): Token[] {
  return tokens.filter((t) => t.kind !== 'space' && t.kind !== 'comment')
}

function upper(t: Token | undefined): string {
  return t && t.kind === 'word' ? t.text.toUpperCase() : ''
}

export type StatementKind =
  /** BEGIN / START TRANSACTION */
  | 'begin'
  | 'commit'
  /** ROLLBACK (not ROLLBACK TO SAVEPOINT, which is an ordinary statement inside a transaction) */
  | 'rollback'
  /** SET TRANSACTION ...: characteristics of the next transaction only */
  | 'set-next-transaction'
  /** SET of session or user variables, SET NAMES, USE: session state that must follow the session */
  | 'session-setting'
  /** SET GLOBAL / PERSIST: not session state */
  | 'global-setting'
  /** statements whose effect lives on the connection and cannot be replayed (locks, temp tables, ...) */
  | 'reserve'
  | 'other'

export interface Statement {
  sql: string
  kind: StatementKind
  /** First keyword, upper-cased ('SELECT', 'INSERT', ...); '' if none. */
  verb: string
  /** Mentions `LAST_INSERT_ID()` with no argument, which Vitess answers from the session. */
  readsLastInsertId: boolean
}

const DML_VERBS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'REPLACE', 'WITH', 'VALUES', 'TABLE'])

export function classify(sql: string): Statement {
  const toks = significant(tokenize(sql))
  let first = 0
  while (toks[first]?.text === '(') first++
  const verb = upper(toks[first])
  const second = upper(toks[first + 1])
  let kind: StatementKind = 'other'

  if (verb === 'BEGIN' && second !== 'NOT') kind = 'begin'
  else if (verb === 'START' && second === 'TRANSACTION') kind = 'begin'
  else if (verb === 'COMMIT') kind = 'commit'
  else if (verb === 'ROLLBACK') {
    const rest = toks.slice(first + 1, first + 4).map(upper)
    kind = rest.includes('TO') ? 'other' : 'rollback'
  } else if (verb === 'SET') {
    const scope = toks[first + 1]
    const scopeWord = upper(scope)
    if (scopeWord === 'TRANSACTION') kind = 'set-next-transaction'
    else if (scopeWord === 'GLOBAL' || scopeWord === 'PERSIST' || scopeWord === 'PERSIST_ONLY')
      kind = 'global-setting'
    else if (scope?.kind === 'sysvar' && /^@@(global|persist|persist_only)\./i.test(scope.text))
      kind = 'global-setting'
    else if (scopeWord === 'PASSWORD' || scopeWord === 'DEFAULT') kind = 'other'
    else kind = 'session-setting'
  } else if (verb === 'USE') kind = 'session-setting'
  else if (
    verb === 'LOCK' ||
    verb === 'PREPARE' ||
    verb === 'EXECUTE' ||
    verb === 'DEALLOCATE' ||
    verb === 'HANDLER'
  )
    kind = 'reserve'
  else if (verb === 'CREATE' && second === 'TEMPORARY') kind = 'reserve'

  let readsLastInsertId = false
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!
    const u = upper(t)
    if (u === 'LAST_INSERT_ID' && toks[i + 1]?.text === '(' && toks[i + 2]?.text === ')')
      readsLastInsertId = true
    if (kind === 'other' && DML_VERBS.has(verb)) {
      // user-variable assignment or a named lock lives on the connection that ran it
      if (t.kind === 'op' && t.text === ':=') kind = 'reserve'
      else if (u === 'INTO' && toks[i + 1]?.kind === 'uservar') kind = 'reserve'
      // a named lock is held by the connection that took it (RELEASE_LOCK needs no connection of its
      // own: on a session without one there is nothing to release)
      else if (u === 'GET_LOCK' && toks[i + 1]?.text === '(') kind = 'reserve'
    }
  }
  return { sql, kind, verb, readsLastInsertId }
}

/**
 * Vitess replaces literals with bind variables (`:vtg1 /* VARCHAR *\/`) before a DML or SELECT
 * statement reaches the tablet, so that is the text PlanetScale quotes in an error (followed by
 * `BindVars: {REDACTED}`). This does the same literal replacement on the original text; unlike
 * Vitess it does not re-print the statement in Vitess's canonical form.
 */
export function normalizeForError(sql: string): string {
  const tokens = tokenize(sql)
  const sig = significant(tokens)
  let firstIdx = 0
  while (sig[firstIdx]?.text === '(') firstIdx++
  if (!DML_VERBS.has(upper(sig[firstIdx]))) return sql
  let out = ''
  let n = 0
  let prevSig: Token | undefined
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    let type: string | undefined
    if (t.kind === 'string') type = 'VARCHAR'
    else if (t.kind === 'hex' || t.kind === 'bit') type = 'VARBINARY'
    else if (t.kind === 'number')
      type = /[eE]/.test(t.text) ? 'FLOAT64' : t.text.includes('.') ? 'DECIMAL' : 'INT64'
    if (!type) {
      out += t.text
      if (t.kind !== 'space' && t.kind !== 'comment') prevSig = t
      continue
    }
    // a charset introducer (_utf8mb4'x') belongs to the literal
    if (
      t.kind === 'string' &&
      prevSig?.kind === 'word' &&
      prevSig.text.startsWith('_') &&
      prevSig.end === t.start
    ) {
      out = out.slice(0, out.length - prevSig.text.length)
    }
    // fold a unary minus into a numeric literal
    if (t.kind === 'number' && prevSig?.kind === 'op' && prevSig.text === '-' && prevSig.end === t.start) {
      const before = significant(tokens.slice(0, i)).at(-2)
      const unary = !before || (before.kind === 'op' && before.text !== ')') || before.kind === 'word'
      if (unary) out = out.slice(0, out.length - 1)
    }
    n++
    out += `:vtg${n} /* ${type} */`
    prevSig = t
  }
  return out
}

/** Go's `%q`, which Vitess uses to quote the statement in an error. */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (cp === 7) out += '\\a'
    else if (cp === 8) out += '\\b'
    else if (cp === 12) out += '\\f'
    else if (cp === 11) out += '\\v'
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`
    else out += ch
  }
  return `${out}"`
}

/**
 * Vitess parses every statement itself, so a syntax error never reaches MySQL: it comes back as
 * `syntax error at position N near 'TOKEN'`, without an errno. This rebuilds that message from
 * MySQL's own 1064 error (whose `near '...'` quotes the rest of the statement from the failing
 * token). MySQL's and Vitess's grammars differ, so statements one accepts and the other rejects are
 * not emulated.
 */
export function vitessSyntaxError(sql: string, mysqlMessage: string): string {
  const m = /near '([\s\S]*)' at line \d+$/.exec(mysqlMessage)
  const rest = m?.[1] ?? ''
  if (!rest) return `syntax error at position ${sql.length + 1}`
  let offset = sql.lastIndexOf(rest)
  if (offset < 0) offset = Math.max(0, sql.length - rest.length)
  const tok = significant(tokenize(rest))[0]
  const near = tok ? tok.text.replace(/^['"`]|['"`]$/g, '') : rest
  const width = tok ? tok.end : rest.length
  return `syntax error at position ${offset + width + 1} near '${near}'`
}
