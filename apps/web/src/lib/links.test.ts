import { describe, expect, it } from 'vitest'
import { linkParts, spaceBeforeUrls } from './links'

describe('web addresses run together in Register text', () => {
  it('makes two addresses joined by a glued "and" two links, not one dead one', () => {
    const text = spaceBeforeUrls(
      "Diabetes UK and Breakthrough T1D jointly act as the group's secretariat.https://www.diabetes.org.ukandhttps://www.breakthrought1d.org",
    )
    expect(
      linkParts(text)
        .filter((p) => p.href)
        .map((p) => p.href),
    ).toEqual(['https://www.diabetes.org.uk', 'https://www.breakthrought1d.org'])
    expect(text).toContain('secretariat. https://www.diabetes.org.uk and https://www.breakthrought1d.org')
  })

  it('leaves an address that merely contains "and" alone', () => {
    const parts = linkParts(spaceBeforeUrls('See https://www.brand.org/band and more.'))
    expect(parts.filter((p) => p.href).map((p) => p.href)).toEqual(['https://www.brand.org/band'])
  })

  it('splits addresses glued with a comma', () => {
    const parts = linkParts(spaceBeforeUrls('https://a.example.org,https://b.example.org.'))
    expect(parts.filter((p) => p.href).map((p) => p.href)).toEqual([
      'https://a.example.org',
      'https://b.example.org',
    ])
  })
})
