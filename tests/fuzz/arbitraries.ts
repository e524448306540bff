/**
 * fast-check arbitraries derived from a procedure's zod input schema (zod v4's JSON Schema of the
 * input side), mixed with values from the world (real ids, slugs, tokens) so that generated calls
 * reach past "not found", boundary strings (exactly the maximum, one over), and arbitrary JSON in
 * place of any field.
 */
import fc from 'fast-check'

type JsonSchema = {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minItems?: number
  maxItems?: number
}

/** Generated strings stay short (long ones cost time, not coverage); the boundaries are added apart. */
const MAX_GENERATED = 60

const weird = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  "'; drop table person; --",
  '%_\\',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '💥'.repeat(3),
  '\ud800',
  'null',
  '__proto__',
  'constructor',
  'a'.repeat(1000),
)

function stringArb(s: JsonSchema, pool: readonly string[]): fc.Arbitrary<unknown> {
  const min = s.minLength ?? 0
  const max = s.maxLength ?? 10_000
  const options: fc.Arbitrary<unknown>[] = [
    fc.string({ minLength: Math.min(min, MAX_GENERATED), maxLength: Math.min(max, MAX_GENERATED) }),
    fc.string({ unit: 'binary', maxLength: Math.min(max, MAX_GENERATED) }),
    weird,
    fc.constantFrom('x'.repeat(max), 'x'.repeat(max + 1), 'x'.repeat(Math.max(min - 1, 0))),
  ]
  if (s.pattern) {
    try {
      options.push(fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= max))
    } catch {
      // A pattern JavaScript cannot compile is simply not used.
    }
  }
  if (s.format === 'email') options.push(fc.emailAddress())
  if (pool.length) options.push(fc.constantFrom(...pool), fc.constantFrom(...pool))
  return fc.oneof(...options)
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<unknown> {
  const min = s.minimum ?? s.exclusiveMinimum
  const max = s.maximum ?? s.exclusiveMaximum
  const bounds = [min, max].filter((n): n is number => typeof n === 'number')
  return fc.oneof(
    integer
      ? fc.integer({
          min: Math.max(min ?? -1e6, Number.MIN_SAFE_INTEGER),
          max: Math.min(max ?? 1e6, Number.MAX_SAFE_INTEGER),
        })
      : fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(
      0,
      -1,
      1.5,
      1e21,
      -0,
      Number.MAX_SAFE_INTEGER,
      ...bounds,
      ...bounds.map((b) => b + 1),
      ...bounds.map((b) => b - 1),
    ),
    fc.integer(),
  )
}

export function arbitraryFor(
  schema: JsonSchema | undefined,
  pool: readonly string[],
  depth = 0,
): fc.Arbitrary<unknown> {
  const anyJson = fc.jsonValue({ maxDepth: 2 })
  if (!schema || depth > 6) return anyJson
  const wrap = (arb: fc.Arbitrary<unknown>) =>
    // Now and then any JSON at all in place of the field.
    fc.oneof({ weight: 9, arbitrary: arb }, { weight: 1, arbitrary: anyJson })
  if (schema.anyOf || schema.oneOf)
    return fc.oneof(...(schema.anyOf ?? schema.oneOf)!.map((s) => arbitraryFor(s, pool, depth + 1)))
  if (schema.allOf?.length) return arbitraryFor(schema.allOf[0], pool, depth + 1)
  if (schema.enum) return wrap(fc.constantFrom(...schema.enum))
  if ('const' in schema) return wrap(fc.constant(schema.const))
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
  if (types.length > 1)
    return fc.oneof(...types.map((type) => arbitraryFor({ ...schema, type }, pool, depth + 1)))
  switch (types[0]) {
    case 'string':
      return wrap(stringArb(schema, pool))
    case 'integer':
      return wrap(numberArb(schema, true))
    case 'number':
      return wrap(numberArb(schema, false))
    case 'boolean':
      return wrap(fc.boolean())
    case 'null':
      return fc.constant(null)
    case 'array':
      return wrap(
        fc.array(arbitraryFor(schema.items, pool, depth + 1), {
          minLength: Math.min(schema.minItems ?? 0, 5),
          maxLength: Math.min(schema.maxItems ?? 5, 5) + 1,
        }),
      )
    case 'object': {
      const properties = schema.properties ?? {}
      const record: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [key, value] of Object.entries(properties))
        record[key] = arbitraryFor(value, pool, depth + 1)
      const required = (schema.required ?? []).filter((k) => k in record)
      return wrap(
        fc.oneof(
          { weight: 8, arbitrary: fc.record(record, { requiredKeys: required }) },
          // Sometimes a required field goes missing, or an unknown one comes along.
          { weight: 1, arbitrary: fc.record(record, { requiredKeys: [] }) },
          {
            weight: 1,
            arbitrary: fc
              .tuple(
                fc.record(record, { requiredKeys: required }),
                fc.dictionary(fc.string({ maxLength: 10 }), anyJson, { maxKeys: 2 }),
              )
              .map(([a, b]) => ({ ...b, ...a })),
          },
        ),
      )
    }
    default:
      return anyJson
  }
}

/** The input arbitrary of a procedure: schema-shaped mostly, sometimes anything, sometimes nothing. */
export function procedureInput(inputs: unknown[], pool: readonly string[]): fc.Arbitrary<unknown> {
  const anything = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined))
  if (inputs.length === 0) return anything
  const schema = inputs[0] as { toJSONSchema?: (o: unknown) => JsonSchema }
  let json: JsonSchema | undefined
  try {
    json = schema.toJSONSchema?.({ io: 'input', unrepresentable: 'any' })
  } catch {
    json = undefined
  }
  return fc.oneof({ weight: 8, arbitrary: arbitraryFor(json, pool) }, { weight: 2, arbitrary: anything })
}
