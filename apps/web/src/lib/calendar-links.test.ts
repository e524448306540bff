import { describe, expect, it } from 'vitest'
import { eventLinks, feedLinks, webcalUrl } from './calendar-links'

describe('calendar links', () => {
  it('subscribes to a feed through webcal, Google and Outlook', () => {
    const url = 'https://hub.example.org/groups/cancer/calendar.ics'
    expect(webcalUrl('http://localhost:3000/calendar/abc.ics')).toBe(
      'webcal://localhost:3000/calendar/abc.ics',
    )
    const links = feedLinks(url, 'APPG on Cancer')
    expect(links.webcal).toBe('webcal://hub.example.org/groups/cancer/calendar.ics')
    expect(new URL(links.google).searchParams.get('cid')).toBe(links.webcal)
    const outlook = new URL(links.outlook)
    expect(outlook.origin + outlook.pathname).toBe('https://outlook.live.com/calendar/0/addfromweb')
    expect(outlook.searchParams.get('url')).toBe(url)
    expect(outlook.searchParams.get('name')).toBe('APPG on Cancer')
  })

  it('adds one session as an event with its UTC times', () => {
    const links = eventLinks({
      title: 'Screening roundtable',
      startsAt: '2026-07-15T09:00:00.000Z',
      endsAt: '2026-07-15T10:30:00.000Z',
      details: 'https://hub.example.org/sessions/m1',
      location: 'Committee Room 10',
    })
    const google = new URL(links.google).searchParams
    expect(google.get('action')).toBe('TEMPLATE')
    expect(google.get('dates')).toBe('20260715T090000Z/20260715T103000Z')
    expect(google.get('text')).toBe('Screening roundtable')
    const outlook = new URL(links.outlook).searchParams
    expect(outlook.get('startdt')).toBe('2026-07-15T09:00:00.000Z')
    expect(outlook.get('enddt')).toBe('2026-07-15T10:30:00.000Z')
    expect(outlook.get('location')).toBe('Committee Room 10')
  })
})
