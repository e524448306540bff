import { describe, expect, it } from 'vitest'
import {
  benefitValue,
  checkRules,
  type RuleEntry,
  type RuleOfficer,
  type RuleResult,
  registerDate,
} from './rule-checks'
import { RULE_IDS, RULES, type RuleId } from './rule-facts'

const NOW = new Date('2026-07-01T09:00:00.000Z')

const officer = (name: string, party: string | null, over: Partial<RuleOfficer> = {}): RuleOfficer => ({
  name,
  party,
  kind: 'mp',
  role: 'officer',
  title: 'Vice Chair',
  ...over,
})

/** A group that passes every rule: the fixture each test changes one thing in. */
function entry(over: Partial<RuleEntry> = {}): RuleEntry {
  return {
    edition: '2026-06-29',
    registeredContactName: 'Jo White MP',
    officers: [
      officer('Jo White', 'Labour', { role: 'chair', title: 'Chair & Registered Contact' }),
      officer('Sam Green', 'Conservative'),
      officer('Ali Brown', 'Liberal Democrat'),
      officer('Lord Grey', 'Crossbench', { kind: 'peer' }),
    ],
    members: Array.from({ length: 20 }, (_, i) => ({
      name: `Member ${i}`,
      kind: 'mp' as const,
      party: i % 2 ? 'Labour (Co-op)' : 'Conservative',
    })),
    agm: { date: '2025-09-01', statementPublished: true, nextDeadline: '2026-12-01' },
    benefits: [
      { source: 'A charity', valueBand: '1,501-3,000', received: '01/06/2026', registered: '20/06/2026' },
    ],
    sessions: [
      { title: 'Launch', startsAt: '2026-07-20T10:00:00.000Z', visibility: 'public', status: 'scheduled' },
    ],
    ...over,
  }
}

function result(e: RuleEntry, id: RuleId, now = NOW): { result: RuleResult; shows: string; todo: string } {
  const found = checkRules(e, now).find((c) => c.id === id)
  if (!found) throw new Error(`no check ${id}`)
  return found
}

describe('checkRules', () => {
  it('answers every rule of the table once, citing the Guide, for a group that keeps them all', () => {
    const checks = checkRules(entry(), NOW)
    expect(checks.map((c) => c.id)).toEqual(RULE_IDS)
    for (const c of checks) {
      expect(c.result, c.id).toBe('pass')
      expect(c.cite).toBe(RULES[c.id].cite)
      expect(c.cite).toMatch(/^Guide to the Rules on APPGs/)
      expect(c.shows.length).toBeGreaterThan(0)
    }
  })

  describe('the Chair & Registered Contact is an MP', () => {
    it('fails for a peer, and when no chair is listed', () => {
      const peer = entry({
        registeredContactName: 'Lord Grey',
        officers: [
          officer('Lord Grey', 'Crossbench', {
            kind: 'peer',
            role: 'chair',
            title: 'Chair & Registered Contact',
          }),
        ],
      })
      expect(result(peer, 'chair.mp').result).toBe('fail')
      expect(result(peer, 'chair.mp').shows).toMatch(/Lord Grey.*House of Lords/)
      expect(result(entry({ officers: [officer('Sam Green', 'Conservative')] }), 'chair.mp').result).toBe(
        'fail',
      )
    })

    it('is not known when the Register does not say which House the chair sits in', () => {
      const unsure = entry({
        registeredContactName: 'Jo White',
        officers: [
          officer('Jo White', null, { kind: 'other', role: 'chair', title: 'Chair & Registered Contact' }),
        ],
      })
      expect(result(unsure, 'chair.mp').result).toBe('not_known')
    })
  })

  describe('officers', () => {
    it('fails with fewer than four officers, or fewer than two MPs', () => {
      const three = entry().officers.slice(0, 3)
      expect(result(entry({ officers: three }), 'officers.minimum')).toMatchObject({
        result: 'fail',
        shows: '3 officers, 3 of them MPs',
      })
      const peers = entry().officers.map((o, i) => (i === 0 ? o : { ...o, kind: 'peer' as const }))
      expect(result(entry({ officers: peers }), 'officers.minimum').result).toBe('fail')
    })

    it('is not known when the officers who could be MPs are not known to be', () => {
      const unsure = entry().officers.map((o, i) => (i === 0 ? o : { ...o, kind: 'other' as const }))
      expect(result(entry({ officers: unsure }), 'officers.minimum').result).toBe('not_known')
    })

    it('needs an officer of the party of government and one of the main opposition', () => {
      const noOpposition = entry().officers.map((o) =>
        o.party === 'Conservative' ? { ...o, party: 'Green Party' } : o,
      )
      expect(result(entry({ officers: noOpposition }), 'officers.balance').result).toBe('fail')
      const unknownParty = entry().officers.map((o) =>
        o.party === 'Conservative' ? { ...o, party: null } : o,
      )
      expect(result(entry({ officers: unknownParty }), 'officers.balance').result).toBe('not_known')
    })
  })

  describe('membership', () => {
    it('is not known without a membership list', () => {
      expect(result(entry({ members: null }), 'members.minimum').result).toBe('not_known')
      expect(result(entry({ members: null }), 'members.balance').result).toBe('not_known')
    })

    it('fails below twenty members, and without both sides of the House', () => {
      const few = entry().members!.slice(0, 19)
      expect(result(entry({ members: few }), 'members.minimum')).toMatchObject({ result: 'fail' })
      const oneSide = entry().members!.map((m) => ({ ...m, party: 'Labour' }))
      expect(result(entry({ members: oneSide }), 'members.balance').result).toBe('fail')
      const someUnknown = oneSide.map((m, i) => (i === 0 ? { ...m, party: null } : m))
      expect(result(entry({ members: someUnknown }), 'members.balance').result).toBe('not_known')
    })
  })

  describe('the AGM and its deadline', () => {
    it('fails when the deadline had passed by the edition, not known when it passed since', () => {
      const late = entry({
        agm: { date: '2024-09-01', statementPublished: true, nextDeadline: '2026-06-01' },
      })
      expect(result(late, 'agm.deadline').result).toBe('fail')
      const since = entry({
        agm: { date: '2025-09-01', statementPublished: true, nextDeadline: '2026-06-30' },
      })
      expect(result(since, 'agm.deadline').result).toBe('not_known')
      // The same entry before the deadline passes.
      expect(result(since, 'agm.deadline', new Date('2026-06-29T12:00:00Z')).result).toBe('pass')
      expect(
        result(entry({ agm: { date: null, statementPublished: null, nextDeadline: null } }), 'agm.deadline')
          .result,
      ).toBe('not_known')
    })
  })

  describe('the income and expenditure statement', () => {
    it('fails unpublished when benefits exceed £1,500, passes below it, not known when unsaid', () => {
      const unpublished = { date: '2025-09-01', statementPublished: false, nextDeadline: '2026-12-01' }
      expect(result(entry({ agm: unpublished }), 'agm.statement').result).toBe('fail')
      const small = [{ source: 'A', valueBand: '1,500', received: '01/06/2026', registered: '02/06/2026' }]
      expect(result(entry({ agm: unpublished, benefits: small }), 'agm.statement').result).toBe('pass')
      expect(
        result(entry({ agm: { ...unpublished, statementPublished: null } }), 'agm.statement').result,
      ).toBe('not_known')
    })
  })

  describe('benefits registered in time', () => {
    it('fails a benefit above £1,500 registered more than 28 days after receipt', () => {
      const late = [
        { source: 'A firm', valueBand: '3,001-4,500', received: '01/03/2026', registered: '30/03/2026' },
      ]
      expect(result(entry({ benefits: late }), 'benefits.timely')).toMatchObject({ result: 'fail' })
      expect(result(entry({ benefits: late }), 'benefits.timely').shows).toMatch(
        /A firm \(received 01\/03\/2026/,
      )
      // Registered ahead of receipt (a secretariat's year of support) is in time; 28 days is too.
      const early = [{ source: 'B', valueBand: '5,000', received: '14/05/2026', registered: '24/06/2025' }]
      const onTheDay = [{ source: 'C', valueBand: '5,000', received: '01/03/2026', registered: '29/03/2026' }]
      expect(result(entry({ benefits: [...early, ...onTheDay] }), 'benefits.timely').result).toBe('pass')
    })

    it('is not known when a date cannot be read', () => {
      const undated = [{ source: 'A', valueBand: '3,001-4,500', received: null, registered: '30/03/2026' }]
      expect(result(entry({ benefits: undated }), 'benefits.timely').result).toBe('not_known')
    })
  })

  describe('All-Party Notices', () => {
    it('fails a public session less than seven days away, using the sessions’ own notice check', () => {
      const soon = [
        { title: 'Soon', startsAt: '2026-07-05T10:00:00.000Z', visibility: 'public', status: 'scheduled' },
      ]
      expect(result(entry({ sessions: soon }), 'notices.week')).toMatchObject({ result: 'fail' })
      expect(result(entry({ sessions: [] }), 'notices.week').result).toBe('not_known')
    })
  })
})

describe('reading the Register’s values and dates', () => {
  it('takes the lower end of a band, and dd/mm/yyyy or ISO dates', () => {
    expect(benefitValue('1,501-3,000')).toBe(1501)
    expect(benefitValue('£5,000')).toBe(5000)
    expect(benefitValue('unknown')).toBeNull()
    expect(registerDate('24/06/2025')).toBe(Date.parse('2025-06-24T00:00:00Z'))
    expect(registerDate('2025-06-24')).toBe(Date.parse('2025-06-24T00:00:00Z'))
    expect(registerDate('soon')).toBeNull()
  })
})
