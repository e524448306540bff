/**
 * Rule checks for a group's officers: what the Register shows against each rule of the Guide to the
 * Rules on APPGs (the facts in rule-facts.ts), whether it passes, and what to do. Pure: the entry is
 * read by rule-reads.ts, and "now" comes from the caller's clock. A check says "not known" when the
 * Register cannot tell, never a guess.
 */
import type { PersonKind } from '@appg-hub/db'
import { noticeWarning } from '../sessions/notice'
import { GOVERNMENT_PARTIES, MAIN_OPPOSITION_PARTIES, RULE_FIGURES, RULES, type RuleId } from './rule-facts'

export type RuleResult = 'pass' | 'fail' | 'not_known'

export interface RuleCheck {
  id: RuleId
  name: string
  cite: string
  /** False when the figure could not be confirmed against the current Guide's text. */
  confirmed: boolean
  result: RuleResult
  /** What the Register (or, for notices, the hub) shows. */
  shows: string
  todo: string
}

export interface RulePerson {
  name: string
  kind: PersonKind
  party: string | null
}

export interface RuleOfficer extends RulePerson {
  role: 'chair' | 'officer'
  /** The Register's wording, e.g. "Chair & Registered Contact". */
  title: string | null
}

export interface RuleEntry {
  /** The Register edition's date (YYYY-MM-DD), null for a group made in the hub. */
  edition: string | null
  registeredContactName: string | null
  officers: RuleOfficer[]
  /** Parliamentarians on the group's published membership list (officers included); null when none is known. */
  members: RulePerson[] | null
  agm: { date: string | null; statementPublished: boolean | null; nextDeadline: string | null }
  benefits: {
    source: string | null
    valueBand: string | null
    received: string | null
    registered: string | null
  }[]
  /** The group's public sessions still to come. */
  sessions: { title: string; startsAt: string; visibility: string; status: string }[]
}

const DAY_MS = 86_400_000

/** "1 officer", "3 officers". */
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

function check(id: RuleId, result: RuleResult, shows: string, todo: string): RuleCheck {
  const fact = RULES[id]
  return { id, name: fact.name, cite: fact.cite, confirmed: fact.confirmed, result, shows, todo }
}

const isIn = (list: readonly string[], party: string | null) => party !== null && list.includes(party.trim())

/** The party-balance rule over a list of people: one of the government's party and one of the main opposition. */
function balance(id: RuleId, people: RulePerson[], whom: 'officer' | 'member', todo: string): RuleCheck {
  const gov = people.filter((p) => isIn(GOVERNMENT_PARTIES, p.party))
  const opp = people.filter((p) => isIn(MAIN_OPPOSITION_PARTIES, p.party))
  const unknown = people.filter((p) => !p.party).length
  const shows =
    `${count(gov.length, whom)} of the party of government (${GOVERNMENT_PARTIES[0]}), ` +
    `${opp.length} of the main opposition party (${MAIN_OPPOSITION_PARTIES[0]})` +
    (unknown ? `; ${unknown} without a party on record` : '')
  if (gov.length > 0 && opp.length > 0) return check(id, 'pass', shows, 'Nothing to do.')
  return check(id, unknown > 0 ? 'not_known' : 'fail', shows, todo)
}

function chairIsMp(entry: RuleEntry): RuleCheck {
  const chairs = entry.officers.filter((o) => o.role === 'chair')
  const chair = chairs.find((o) => /registered contact/i.test(o.title ?? '')) ?? chairs[0]
  if (!chair)
    return check(
      'chair.mp',
      'fail',
      'The Register lists no Chair & Registered Contact.',
      'Elect a Chair & Registered Contact who is an MP at a general meeting and register the result.',
    )
  const contactIsMp = /\bMP$/.test(entry.registeredContactName?.trim() ?? '')
  const shows = `${chair.title ?? 'Chair'}: ${chair.name}${chair.party ? ` (${chair.party})` : ''}${
    entry.registeredContactName ? `; registered contact: ${entry.registeredContactName}` : ''
  }`
  if (chair.kind === 'peer')
    return check(
      'chair.mp',
      'fail',
      `${shows}: a member of the House of Lords.`,
      'A peer may hold any other office. Elect an MP as Chair & Registered Contact and register the change.',
    )
  if (chair.kind === 'mp' || contactIsMp) return check('chair.mp', 'pass', shows, 'Nothing to do.')
  return check(
    'chair.mp',
    'not_known',
    `${shows}: the Register does not say which House they sit in.`,
    'Check that the Chair & Registered Contact is an MP.',
  )
}

function officersMinimum(entry: RuleEntry): RuleCheck {
  const { minOfficers, minOfficerMps } = RULE_FIGURES
  const mps = entry.officers.filter((o) => o.kind === 'mp').length
  const unsure = entry.officers.filter((o) => o.kind !== 'mp' && o.kind !== 'peer').length
  const shows = `${count(entry.officers.length, 'officer')}, ${mps} of them MPs`
  const todo = `Elect officers at a general meeting until there are at least ${minOfficers}, at least ${minOfficerMps} of them MPs, and register the result within ${RULE_FIGURES.registerWithinDays} days.`
  if (entry.officers.length < minOfficers) return check('officers.minimum', 'fail', shows, todo)
  if (mps >= minOfficerMps) return check('officers.minimum', 'pass', shows, 'Nothing to do.')
  return check('officers.minimum', mps + unsure >= minOfficerMps ? 'not_known' : 'fail', shows, todo)
}

function membersMinimum(entry: RuleEntry): RuleCheck {
  if (!entry.members)
    return check(
      'members.minimum',
      'not_known',
      'No membership list is known for this group (the Register does not publish one).',
      'Keep the membership list up to date and publish it, so that the minimum can be checked.',
    )
  const n = entry.members.length
  const shows = `${count(n, 'parliamentarian')} on the group's published membership list`
  return n >= RULE_FIGURES.minMembers
    ? check('members.minimum', 'pass', shows, 'Nothing to do.')
    : check(
        'members.minimum',
        'fail',
        shows,
        `Recruit members from both Houses until there are at least ${RULE_FIGURES.minMembers}, and update the published list.`,
      )
}

function membersBalance(entry: RuleEntry): RuleCheck {
  if (!entry.members)
    return check(
      'members.balance',
      'not_known',
      'No membership list is known for this group.',
      'Publish the membership list, so that its party balance can be checked.',
    )
  return balance(
    'members.balance',
    entry.members,
    'member',
    'Recruit members from both the party of government and the main opposition party.',
  )
}

/** The Register's AGM block: the reporting deadline against the edition's date and today. */
function agmDeadline(entry: RuleEntry, today: string): RuleCheck {
  const { date, nextDeadline } = entry.agm
  const held = date ? `Most recent AGM: ${date}` : 'No AGM on the Register'
  if (!nextDeadline)
    return check(
      'agm.deadline',
      'not_known',
      `${held}; no reporting deadline on the Register.`,
      'Ask the Registrar to confirm the group’s reporting year and deadline.',
    )
  const shows = `${held}; next reporting deadline: ${nextDeadline}`
  const todo = 'Hold the AGM, then register its result on the Commissioner’s form straight away.'
  if (entry.edition && nextDeadline < entry.edition)
    return check('agm.deadline', 'fail', `${shows}, passed before the edition of ${entry.edition}.`, todo)
  if (nextDeadline >= today)
    return check('agm.deadline', 'pass', `${shows}.`, `Hold the next AGM by ${nextDeadline}.`)
  return check(
    'agm.deadline',
    'not_known',
    `${shows}, passed since the latest edition the hub has${entry.edition ? ` (${entry.edition})` : ''}.`,
    'If the AGM was held, make sure its result is registered; the next edition will show it.',
  )
}

/** The lower end of a value as the Register gives it ("1,501-3,000", "5,000"), null when not a number. */
export function benefitValue(band: string | null): number | null {
  const m = /^\s*£?\s*([\d,]+(?:\.\d+)?)/.exec(band ?? '')
  if (!m) return null
  const n = Number(m[1]!.replace(/,/g, ''))
  return Number.isFinite(n) ? n : null
}

/** A Register date, "dd/mm/yyyy" or ISO, as milliseconds; null when it is neither. */
export function registerDate(text: string | null): number | null {
  const t = (text ?? '').trim()
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t)
  const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : t.slice(0, 10)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null
  const ms = Date.parse(`${iso}T00:00:00Z`)
  return Number.isNaN(ms) ? null : ms
}

function aboveThreshold(entry: RuleEntry) {
  return entry.benefits.filter((b) => (benefitValue(b.valueBand) ?? 0) > RULE_FIGURES.benefitThreshold)
}

function statement(entry: RuleEntry): RuleCheck {
  const published = entry.agm.statementPublished
  const above = aboveThreshold(entry).length
  if (published === null)
    return check(
      'agm.statement',
      'not_known',
      'The Register does not say whether the statement was published.',
      'Approve the income and expenditure statement at the AGM and publish it.',
    )
  const shows = `Statement ${published ? 'published' : 'not published'}; ${count(above, 'benefit')} above £${RULE_FIGURES.benefitThreshold.toLocaleString('en-GB')} registered`
  if (published) return check('agm.statement', 'pass', `${shows}.`, 'Nothing to do.')
  if (above === 0)
    return check(
      'agm.statement',
      'pass',
      `${shows}: below the threshold at which the statement must be published.`,
      'Still approve a statement (a nil return if need be) at each AGM.',
    )
  return check(
    'agm.statement',
    'fail',
    `${shows}.`,
    'Approve the income and expenditure statement at a general meeting, publish it, and tell the Registrar.',
  )
}

function benefitsTimely(entry: RuleEntry): RuleCheck {
  const { registerWithinDays, benefitThreshold } = RULE_FIGURES
  const above = aboveThreshold(entry)
  const unreadable = entry.benefits.filter((b) => benefitValue(b.valueBand) === null).length
  if (above.length === 0)
    return unreadable > 0
      ? check(
          'benefits.timely',
          'not_known',
          `${count(unreadable, 'benefit')} without a readable value.`,
          'Check the values registered.',
        )
      : check(
          'benefits.timely',
          'pass',
          `No benefit above £${benefitThreshold.toLocaleString('en-GB')} on the Register.`,
          'Nothing to do.',
        )
  const late: string[] = []
  let undated = 0
  for (const b of above) {
    const received = registerDate(b.received)
    const registered = registerDate(b.registered)
    if (received === null || registered === null) undated++
    else if ((registered - received) / DAY_MS > registerWithinDays)
      late.push(`${b.source ?? 'a source not named'} (received ${b.received}, registered ${b.registered})`)
  }
  const shows = `${count(above.length, 'benefit')} above £${benefitThreshold.toLocaleString('en-GB')}; ${late.length} registered more than ${registerWithinDays} days after receipt${late.length ? `: ${late.slice(0, 3).join('; ')}${late.length > 3 ? '; …' : ''}` : ''}${undated ? `; ${undated} without both dates` : ''}`
  if (late.length > 0)
    return check(
      'benefits.timely',
      'fail',
      shows,
      `Register each benefit within ${registerWithinDays} days of receiving it; bring the entry up to date now.`,
    )
  if (undated > 0) return check('benefits.timely', 'not_known', shows, 'Check the dates registered.')
  return check('benefits.timely', 'pass', shows, 'Nothing to do.')
}

/** All-Party Notices: the sessions check of core/sessions/notice.ts, over the group's sessions to come. */
function notices(entry: RuleEntry, now: Date): RuleCheck {
  const upcoming = entry.sessions.filter(
    (s) => s.visibility === 'public' && Date.parse(s.startsAt) >= now.getTime(),
  )
  if (upcoming.length === 0)
    return check(
      'notices.week',
      'not_known',
      'No public session of the group still to come on the hub; the Register does not record sessions.',
      'Put each session with a vote, a decision or an outside speaker in the All-Party Notices a week ahead.',
    )
  const short = upcoming.filter((s) => noticeWarning(s.visibility, s.status, s.startsAt, now) !== null)
  const shows = `${count(upcoming.length, 'public session')} to come on the hub; ${short.length} less than seven days away${
    short.length ? `: ${short.map((s) => `${s.title} (${s.startsAt.slice(0, 10)})`).join('; ')}` : ''
  }`
  return short.length > 0
    ? check(
        'notices.week',
        'fail',
        shows,
        'Check that these sessions were in the All-Party Notices a week ahead; if not, move them or notify now.',
      )
    : check(
        'notices.week',
        'pass',
        shows,
        'Send each session’s notice to the All-Party Notices a week ahead.',
      )
}

/** Every rule check for one group, in the Guide's order. */
export function checkRules(entry: RuleEntry, now: Date): RuleCheck[] {
  const today = now.toISOString().slice(0, 10)
  return [
    chairIsMp(entry),
    officersMinimum(entry),
    balance(
      'officers.balance',
      entry.officers,
      'officer',
      'Elect an officer from the party of government and one from the main opposition party, and register them.',
    ),
    membersMinimum(entry),
    membersBalance(entry),
    agmDeadline(entry, today),
    statement(entry),
    benefitsTimely(entry),
    notices(entry, now),
  ]
}
