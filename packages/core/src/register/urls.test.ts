import { describe, expect, it } from 'vitest'
import { splitRunOnUrls } from './urls'

describe('splitRunOnUrls', () => {
  it('splits the Register’s run-together secretariat field into words and links', () => {
    expect(
      splitRunOnUrls(
        "Diabetes UK and Breakthrough T1D jointly act as the group's secretariat.https://www.diabetes.org.ukandhttps://www.breakthrought1d.org",
      ),
    ).toEqual({
      text: "Diabetes UK and Breakthrough T1D jointly act as the group's secretariat.",
      links: ['https://www.diabetes.org.uk', 'https://www.breakthrought1d.org'],
    })
  })

  it('handles spaced, comma-separated and trailing-punctuation addresses, and prose after them', () => {
    expect(splitRunOnUrls('https://a.example.org, https://b.example.org/x.')).toEqual({
      text: '',
      links: ['https://a.example.org', 'https://b.example.org/x'],
    })
    expect(splitRunOnUrls('Acme Ltd (https://acme.example) provides it')).toEqual({
      text: 'Acme Ltd provides it',
      links: ['https://acme.example'],
    })
    expect(splitRunOnUrls('http://one.example and http://one.example')).toEqual({
      text: '',
      links: ['http://one.example'],
    })
  })

  it('leaves prose without addresses alone, and empty fields empty', () => {
    expect(splitRunOnUrls('Policy Connect is the secretariat.')).toEqual({
      text: 'Policy Connect is the secretariat.',
      links: [],
    })
    expect(splitRunOnUrls(null)).toEqual({ text: '', links: [] })
  })
})
