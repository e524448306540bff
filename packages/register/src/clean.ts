/**
 * Cleaning the Register's free text one value at a time: whitespace, names and their honorifics,
 * roles, categories, dates, flags and slugs. Pure, like the parser that uses it.
 */
import { normaliseName } from '@appg-hub/core'
import type { PersonKind } from '@appg-hub/db'
import type { MemberType, OfficerRole } from './register-entry'

// Column sizes of the migration (0001-initial): longer values are cut and reported rather than
// left to fail on MySQL, which refuses what SQLite would silently store.
export const LIMITS = {
  slug: 200,
  title: 400,
  category: 100,
  name: 300,
  email: 300,
  url: 500,
  short: 40,
  reportingYear: 100,
  text: 16_000,
  valueBand: 100,
  benefitType: 100,
  tag: 100,
  registerTitle: 100,
  displayName: 200,
  party: 100,
  twfy: 100,
  registerKey: 200,
} as const

export const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g

/** Trims and collapses runs of spaces within lines; keeps paragraph breaks; '' becomes null. */
export function cleanText(value: unknown): string | null {
  if (typeof value === 'number' || typeof value === 'bigint') value = String(value)
  if (typeof value !== 'string') return null
  const text = value
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return text === '' ? null : text
}

/** As `cleanText`, on one line. */
export function cleanLine(value: unknown): string | null {
  const text = cleanText(value)
  return text === null ? null : text.replace(/\n+/g, ' ')
}

/** Maps a Register officer role to the hub's role: the chair ("Chair & Registered Contact", "Acting Chair") or an officer. */
export function mapOfficerRole(title: string | null | undefined): OfficerRole {
  const t = (title ?? '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim()
  if (/\bchair(man|woman|person)?\b/.test(t) && /\bregistered contact\b/.test(t)) return 'chair'
  if (/^(acting |interim )?chair(man|woman|person)?$/.test(t)) return 'chair'
  return 'officer'
}

/** "Subject Group" or "Country, Area or Region Group", whatever the spelling; other values as given. */
export function normaliseCategory(value: unknown): string | null {
  const text = cleanLine(value)
  if (!text) return null
  const t = text.toLowerCase()
  if (/\bsubject\b/.test(t)) return 'Subject Group'
  if (/\b(country|countries|area|region|regional)\b/.test(t)) return 'Country, Area or Region Group'
  return text
}

const PEER =
  /^(lord|baroness|viscount|viscountess|earl|countess|marquess|marquis|marchioness|duke|duchess|bishop|archbishop)\b/

/** Whether a (normalised) name is a peer's style: Lord, Baroness, Viscount, Earl, Bishop… */
export function isPeerName(name: string): boolean {
  return PEER.test(normaliseName(name))
}

/** `peer` for peers' styles, member type "lord" or the Lords-only parties; `mp` for other officers and member type "mp"; else `other`. */
export function personKindOf(input: {
  name: string
  memberType?: MemberType | null
  isOfficer?: boolean
  party?: string | null
}): PersonKind {
  if (isPeerName(input.name) || input.memberType === 'lord') return 'peer'
  const party = (input.party ?? '').toLowerCase()
  if (party === 'crossbench' || party === 'bishops' || party === 'lord speaker') return 'peer'
  if (input.memberType === 'mp' || input.isOfficer) return 'mp'
  return 'other'
}

/** `mnis:<id>` when the MNIS id is known, else `name:<normalised name>`. */
export function registerKeyOf(name: string, mnisId: string | null | undefined): string {
  return mnisId ? `mnis:${mnisId}` : `name:${normaliseName(name)}`.slice(0, LIMITS.registerKey)
}

/**
 * A name as the hub shows it: whitespace tidied, list numbering ("22."), a leading role
 * ("Co-Chair: …"), a trailing remark in brackets or after a dash ("(Lab)", "\- member") and a
 * trailing "MP" removed. Null when what is left is not a person's or organisation's name
 * (a URL, a heading such as "Non-parliamentary members:", "n/a", "Member").
 */
export function cleanPersonName(raw: unknown): string | null {
  let s = cleanLine(raw)
  if (!s) return null
  if (/:\/\/|^www\.|@|\.(com|org|uk|net|co)(\/|$)/i.test(s)) return null
  if (/:\s*$/.test(s)) return null
  s = s
    .replace(/^\d+\s*[.)]\s*/, '')
    .replace(
      /^(co-?\s?chair|vice[\s-]?chair|chair|treasurer|(hon(orary|\.)?\s+)?secretary|officer|president|member)\s*:\s*/i,
      '',
    )
    .replace(/\s*\\?[-–]\s*(member|officer)\s*$/i, '')
    .replace(/(\s*\([^()]*\))+\s*$/, '')
    .replace(/[\s,]+n\/a\b.*$/i, '')
    .replace(/[\s,.;]+$/, '')
    .replace(/\s+MP\.?$/i, '')
    .trim()
  if (!s || s.length > 120 || !/\p{L}/u.test(s)) return null
  if (
    /^(n\/?a|none|nil|tbc|tba|vacant|unknown|members?|peers?|mps?|officers?|lords?|baroness|other)$/i.test(s)
  )
    return null
  return s
}

export function idText(value: unknown, max: number): string | null {
  const text = cleanLine(value)
  return text ? text.slice(0, max) : null
}

export function flag(value: unknown): boolean {
  if (typeof value === 'string') return /^(true|yes|y|1)$/i.test(value.trim())
  return value === true || value === 1
}

export function flagOrNull(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null
  return flag(value) ? 1 : 0
}

/** dd/mm/yyyy (or d/m/yyyy) becomes YYYY-MM-DD; ISO dates pass; other text is kept as given. */
export function registerDate(value: unknown): string | null {
  const text = cleanLine(value)
  if (!text) return null
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)
  if (uk) {
    const [, d, m, y] = uk
    const day = Number(d)
    const month = Number(m)
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31)
      return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`
  }
  const iso = /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(text)
  if (iso) return iso[1]!
  return text
}

export function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

/** Reads a key whatever its case and spacing ("Value £s", "value_£s In bands…"). */
export function pick(record: Record<string, unknown>, test: (normalisedKey: string) => boolean): unknown {
  for (const [key, value] of Object.entries(record)) {
    if (
      test(
        key
          .toLowerCase()
          .replace(/[^a-z]+/g, ' ')
          .trim(),
      )
    )
      return value
  }
  return undefined
}

/**
 * The slug as the Register gives it (its page is `<edition>/<slug>.htm`, so even "a---b" stays);
 * only a slug with spaces or other characters is made into one.
 */
export function normaliseSlug(value: unknown): string | null {
  const text = cleanLine(value)?.toLowerCase()
  if (!text) return null
  if (/^[a-z0-9][a-z0-9-]*$/.test(text)) return text
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return slug === '' ? null : slug
}
