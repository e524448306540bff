/**
 * The Vitess side of the stand-in: how a MySQL column definition becomes a `query.Field`, how rows
 * become `query.Row`s, and how a MySQL error becomes the `vtrpc.RPCError` PlanetScale returns, all
 * in the protobuf-JSON form (camelCase names, 64-bit integers as strings, zero values omitted) that
 * `@planetscale/database` decodes.
 *
 * Sources: vitess `go/sqltypes/type.go` (mysqlToType/modifyType), `go/mysql` (NUM_FLAG is added
 * client-side for numeric types), `go/vt/vttablet/tabletserver/tabletserver.go` (convertErrorCode
 * and the `%s (errno %d) (sqlstate %s)%s: %s` error text) and database-js's golden fixtures.
 */

/** protobuf-JSON of vitess `query.Field`. */
export interface VitessField {
  name: string
  type?: string
  table?: string
  orgTable?: string
  database?: string
  orgName?: string
  columnLength?: number
  charset?: number
  decimals?: number
  flags?: number
}

/** protobuf-JSON of vitess `query.Row`. */
export interface VitessRow {
  lengths: string[]
  values?: string
}

/** protobuf-JSON of vitess `query.QueryResult`. */
export interface VitessResult {
  fields?: VitessField[]
  rowsAffected?: string
  insertId?: string
  rows?: VitessRow[]
  info?: string
}

/** protobuf-JSON of `vtrpc.RPCError` as PlanetScale sends it. */
export interface VitessError {
  code: string
  message: string
}

/** The parts of a mysql2 column definition we read. */
export interface MysqlColumn {
  name: string
  columnType?: number
  type?: number
  flags: number | string[]
  characterSet?: number
  columnLength?: number
  decimals: number
  schema?: string
  db?: string
  table: string
  orgTable: string
  orgName: string
  extendedFormat?: string
}

const MYSQL_TO_VITESS: Record<number, string> = {
  0: 'DECIMAL',
  1: 'INT8',
  2: 'INT16',
  3: 'INT32',
  4: 'FLOAT32',
  5: 'FLOAT64',
  6: 'NULL_TYPE',
  7: 'TIMESTAMP',
  8: 'INT64',
  9: 'INT24',
  10: 'DATE',
  11: 'TIME',
  12: 'DATETIME',
  13: 'YEAR',
  15: 'VARCHAR',
  16: 'BIT',
  17: 'TIMESTAMP',
  18: 'DATETIME',
  19: 'TIME',
  242: 'VECTOR',
  245: 'JSON',
  246: 'DECIMAL',
  247: 'ENUM',
  248: 'SET',
  249: 'TEXT',
  250: 'TEXT',
  251: 'TEXT',
  252: 'TEXT',
  253: 'VARCHAR',
  254: 'CHAR',
  255: 'GEOMETRY',
}

const FLAG_UNSIGNED = 32
const FLAG_BINARY = 128
const FLAG_ENUM = 256
const FLAG_SET = 2048
const FLAG_NUM = 32768
export const BINARY_CHARSET = 63

/** vitess `sqltypes.MySQLToType`: the MySQL wire type plus flags, as a Vitess type name. */
export function vitessType(mysqlType: number, flags: number): string {
  const base = MYSQL_TO_VITESS[mysqlType]
  if (!base) return 'NULL_TYPE'
  switch (base) {
    case 'INT8':
    case 'INT16':
    case 'INT24':
    case 'INT32':
    case 'INT64':
      return flags & FLAG_UNSIGNED ? `U${base}` : base
    case 'TEXT':
      return flags & FLAG_BINARY ? 'BLOB' : 'TEXT'
    case 'VARCHAR':
      return flags & FLAG_BINARY ? 'VARBINARY' : 'VARCHAR'
    case 'CHAR':
      if (flags & FLAG_BINARY) return 'BINARY'
      if (flags & FLAG_ENUM) return 'ENUM'
      if (flags & FLAG_SET) return 'SET'
      return 'CHAR'
    default:
      return base
  }
}

/** vitess `mysql.IsNum`: the Go client marks these with NUM_FLAG, as libmysqlclient does. */
function isNum(mysqlType: number): boolean {
  return (mysqlType <= 9 && mysqlType !== 7) || mysqlType === 13 || mysqlType === 246
}

export function toVitessField(col: MysqlColumn): VitessField {
  let mysqlType = col.columnType ?? col.type ?? 6
  let flags = typeof col.flags === 'number' ? col.flags : 0
  let charset = col.characterSet ?? 0
  // MariaDB has no JSON type on the wire (a JSON column is a LONGTEXT); its extended metadata says
  // which columns are JSON. Report them as MySQL 8 would: type JSON, binary charset.
  if (col.extendedFormat === 'json') {
    mysqlType = 245
    charset = BINARY_CHARSET
    flags |= FLAG_BINARY
  }
  if (isNum(mysqlType)) flags |= FLAG_NUM
  const type = vitessType(mysqlType, flags)
  const field: VitessField = { name: col.name }
  if (type !== 'NULL_TYPE') field.type = type
  const database = col.schema ?? col.db ?? ''
  if (col.table) field.table = col.table
  if (col.orgTable) field.orgTable = col.orgTable
  if (database) field.database = database
  if (col.orgName) field.orgName = col.orgName
  if (col.columnLength) field.columnLength = col.columnLength
  if (charset) field.charset = charset
  if (col.decimals) field.decimals = col.decimals
  if (flags) field.flags = flags
  return field
}

/** A row as vitess `query.Row`: byte lengths (-1 for NULL) and the values' bytes concatenated. */
export function toVitessRow(values: ReadonlyArray<Buffer | null>): VitessRow {
  const lengths: string[] = []
  const parts: Buffer[] = []
  for (const v of values) {
    if (v === null || v === undefined) {
      lengths.push('-1')
    } else {
      lengths.push(String(v.length))
      parts.push(v)
    }
  }
  const bytes = Buffer.concat(parts)
  return bytes.length ? { lengths, values: bytes.toString('base64') } : { lengths }
}

// --- errors -------------------------------------------------------------------------------------

/** vtrpc.Code names (as they appear in protobuf JSON) and the gRPC status names vttablet prints. */
const GRPC_NAME: Record<string, string> = {
  OK: 'OK',
  CANCELED: 'Canceled',
  UNKNOWN: 'Unknown',
  INVALID_ARGUMENT: 'InvalidArgument',
  DEADLINE_EXCEEDED: 'DeadlineExceeded',
  NOT_FOUND: 'NotFound',
  ALREADY_EXISTS: 'AlreadyExists',
  PERMISSION_DENIED: 'PermissionDenied',
  RESOURCE_EXHAUSTED: 'ResourceExhausted',
  FAILED_PRECONDITION: 'FailedPrecondition',
  ABORTED: 'Aborted',
  OUT_OF_RANGE: 'OutOfRange',
  UNIMPLEMENTED: 'Unimplemented',
  INTERNAL: 'Internal',
  UNAVAILABLE: 'Unavailable',
  DATA_LOSS: 'DataLoss',
  UNAUTHENTICATED: 'Unauthenticated',
  CLUSTER_EVENT: 'Code(17)',
  READ_ONLY: 'Code(18)',
}

function codes(code: string, errnos: number[]): Array<[number, string]> {
  return errnos.map((n) => [n, code])
}

/** vttablet `convertErrorCode`: MySQL errno → vtrpc code (anything else is UNKNOWN). */
const ERRNO_CODE = new Map<number, string>([
  ...codes('UNIMPLEMENTED', [1235]),
  ...codes(
    'RESOURCE_EXHAUSTED',
    [1021, 1037, 1038, 1040, 1041, 1114, 1129, 1135, 1151, 1153, 1203, 1206, 1226],
  ),
  ...codes('DEADLINE_EXCEEDED', [1205, 2013, 3024]),
  ...codes('UNAVAILABLE', [2006, 1053]),
  ...codes('NOT_FOUND', [1029, 1032, 1054, 1094, 1109, 1122, 1141, 1146, 1147, 1176]),
  ...codes('PERMISSION_DENIED', [1044, 1045, 1095, 1211, 1227]),
  ...codes(
    'FAILED_PRECONDITION',
    [
      1046, 1082, 1091, 1099, 1100, 1104, 1148, 1162, 1165, 1169, 1173, 1179, 1207, 1215, 1216, 1217, 1223,
      1230, 1241, 1242, 1288, 1289, 1291, 1451, 1452,
    ],
  ),
  ...codes('ALREADY_EXISTS', [1050, 1062, 1086, 1125]),
  ...codes('ABORTED', [1078, 1080, 1152, 1213, 10001]),
  ...codes(
    'INVALID_ARGUMENT',
    [
      1047, 1048, 1049, 1051, 1052, 1055, 1056, 1057, 1058, 1059, 1060, 1061, 1063, 1064, 1065, 1066, 1067,
      1068, 1069, 1070, 1071, 1072, 1073, 1074, 1075, 1083, 1084, 1085, 1089, 1090, 1093, 1096, 1097, 1101,
      1102, 1103, 1106, 1107, 1108, 1110, 1111, 1113, 1115, 1116, 1117, 1118, 1120, 1121, 1128, 1136, 1138,
      1139, 1140, 1144, 1149, 1166, 1167, 1170, 1171, 1172, 1193, 1204, 1210, 1221, 1222, 1225, 1228, 1229,
      1231, 1232, 1233, 1234, 1238, 1239, 1240, 1245, 1247, 1248, 1250, 1253, 1267, 1270, 1271, 1272, 1273,
      1280, 1281, 1283, 1292, 1293, 1294, 1298, 1300, 1366, 1406, 1690,
    ],
  ),
])

export function codeForErrno(errno: number, message = ''): string {
  if (errno === 1290 && message.includes('read-only')) return 'FAILED_PRECONDITION'
  return ERRNO_CODE.get(errno) ?? 'UNKNOWN'
}

export interface TabletContext {
  keyspace: string
  callerId: string
}

/**
 * An error raised "in the tablet", in the shape vtgate passes on:
 * `target: <keyspace>.-.primary: vttablet: rpc error: code = <Grpc> desc = <desc>`.
 */
export function tabletError(ctx: TabletContext, code: string, desc: string): VitessError {
  const grpc = GRPC_NAME[code] ?? 'Unknown'
  return {
    code,
    message: `target: ${ctx.keyspace}.-.primary: vttablet: rpc error: code = ${grpc} desc = ${desc}`,
  }
}

/** A MySQL error for a statement, as vttablet reports it. */
export function mysqlStatementError(
  ctx: TabletContext,
  err: { errno: number; sqlState: string; sqlMessage: string },
  quotedSql: string,
): VitessError {
  const code = codeForErrno(err.errno, err.sqlMessage)
  const desc = `${err.sqlMessage} (errno ${err.errno}) (sqlstate ${err.sqlState}) (CallerID: ${ctx.callerId}): Sql: ${quotedSql}, BindVars: {REDACTED}`
  return tabletError(ctx, code, desc)
}

/** A tablet-side failure that is not a MySQL error (transaction killed, in use, pool full...). */
export function tabletFailure(ctx: TabletContext, code: string, text: string): VitessError {
  return tabletError(ctx, code, `${text} (CallerID: ${ctx.callerId})`)
}

/** Go's `time.Duration.String()` for whole milliseconds, as in `exceeded timeout: 20s`. */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`
  const s = ms / 1000
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  const rest = s - m * 60
  if (m < 60) return `${m}m${rest}s`
  const h = Math.floor(m / 60)
  return `${h}h${m - h * 60}m${rest}s`
}
