import { describe, expect, it } from 'vitest'
import { agendaSpeakers, noticeText, noticeWarning } from './notice'

describe('the All-Party Notices', () => {
  const now = new Date('2026-06-29T09:00:00.000Z')

  it('warns about a public session less than seven days ahead, only while it is to come', () => {
    expect(noticeWarning('public', 'scheduled', '2026-07-05T09:00:00.000Z', now)).toMatch(/seven days/)
    expect(noticeWarning('public', 'draft', '2026-07-06T08:59:00.000Z', now)).toMatch(/seven days/)
    expect(noticeWarning('public', 'scheduled', '2026-07-06T09:00:00.000Z', now)).toBeNull()
    expect(noticeWarning('participants', 'scheduled', '2026-07-01T09:00:00.000Z', now)).toBeNull()
    expect(noticeWarning('public', 'cancelled', '2026-07-01T09:00:00.000Z', now)).toBeNull()
    expect(noticeWarning('public', 'scheduled', '2026-06-28T09:00:00.000Z', now)).toBeNull()
  })

  it('lists each speaker once, in agenda order', () => {
    expect(
      agendaSpeakers([
        { speakers: 'Prof. Jane Doe, University of Leeds; Dr Sam Roe' },
        { speakers: null },
        { speakers: 'Dr Sam Roe\nFiona MacLeod MP' },
      ]),
    ).toEqual(['Prof. Jane Doe, University of Leeds', 'Dr Sam Roe', 'Fiona MacLeod MP'])
  })

  it('drafts the notice: groups, title, London time, place, speakers, contact', () => {
    expect(
      noticeText({
        title: 'Screening roundtable',
        startsAt: '2026-10-26T10:00:00.000Z',
        endsAt: '2026-10-26T11:00:00.000Z',
        place: 'Committee Room 10, House of Commons',
        onlineUrl: null,
        groups: ['APPG on Alpha', 'APPG on Beta'],
        contact: { name: 'Jo Bloggs MP', email: 'jo@example.org' },
        speakers: ['Dr Sam Roe'],
      }),
    ).toBe(
      [
        'APPG on Alpha; APPG on Beta',
        '',
        'Screening roundtable',
        'Monday 26 October 2026, 10am–11am',
        'Place: Committee Room 10, House of Commons',
        'Speakers: Dr Sam Roe',
        'Contact: Jo Bloggs MP, jo@example.org',
      ].join('\n'),
    )
  })
})
