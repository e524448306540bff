import { cast as defaultCast, type Field } from '@planetscale/database'
import { PlanetScaleDialect } from 'kysely-planetscale'

/**
 * The one place where PlanetScale's values are brought into line with SQLite's and mysql2's:
 * its HTTP protocol sends BIGINT (so every COUNT(*)) and DECIMAL as strings, which would
 * otherwise leak out as `"3"` where the other drivers give `3`.
 */
export function normaliseValue(field: Field, value: string | null): unknown {
  const result = defaultCast(field, value)
  if (typeof result !== 'string') return result
  if (field.type === 'INT64' || field.type === 'UINT64') {
    const n = Number(result)
    return Number.isSafeInteger(n) ? n : result
  }
  if (field.type === 'DECIMAL') return Number(result)
  return result
}

/**
 * `planetscale://user:password@host` speaks HTTPS to PlanetScale; `planetscale+http://…` speaks
 * plain HTTP, for the local stand-in in `infra/planetscale-http`.
 */
export function createPlanetscaleDialect(url: string, fetchImpl?: typeof fetch): PlanetScaleDialect {
  const parsed = new URL(url)
  const scheme = parsed.protocol === 'planetscale+http:' ? 'http:' : 'https:'
  const driverUrl = `${scheme}//${parsed.username}:${parsed.password}@${parsed.host}`
  return new PlanetScaleDialect({
    url: driverUrl,
    cast: normaliseValue,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  })
}
