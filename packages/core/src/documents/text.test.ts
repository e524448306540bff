import fc from 'fast-check'
import { diff3Merge } from 'node-diff3'
import { describe, expect, it } from 'vitest'
import { diffText, mergeThreeWay, mergeWords } from './text'

const base = ['# Briefing', '', 'First paragraph.', '', 'Second paragraph.', '', 'Third paragraph.'].join(
  '\n',
)

describe('mergeThreeWay', () => {
  it('merges changes to different paragraphs', () => {
    const theirs = base.replace('First paragraph.', 'First paragraph, revised.')
    const yours = base.replace('Third paragraph.', 'Third paragraph, extended.')
    const out = mergeThreeWay(base, theirs, yours)
    expect(out).toEqual({
      clean: true,
      text: base
        .replace('First paragraph.', 'First paragraph, revised.')
        .replace('Third paragraph.', 'Third paragraph, extended.'),
    })
  })

  it('refuses overlapping changes to the same line', () => {
    const theirs = base.replace('Second paragraph.', 'Second paragraph (theirs).')
    const yours = base.replace('Second paragraph.', 'Second paragraph (yours).')
    expect(mergeThreeWay(base, theirs, yours)).toEqual({
      clean: false,
      conflicts: 1,
      marked: base.replace(
        'Second paragraph.',
        '<<<<<<< yours\nSecond paragraph (yours).\n=======\nSecond paragraph (theirs).\n>>>>>>> theirs',
      ),
      regions: [
        { same: ['# Briefing', '', 'First paragraph.', ''] },
        { yours: ['Second paragraph (yours).'], theirs: ['Second paragraph (theirs).'] },
        { same: ['', 'Third paragraph.'] },
      ],
    })
  })

  it('gives the merge as regions that hold the markers’ text without them, lines that look like markers too', () => {
    const heading = 'Title\n=======\n\nBody.'
    const out = mergeThreeWay(
      heading,
      heading.replace('Body.', 'Theirs.'),
      heading.replace('Body.', 'Yours.'),
    )
    if (out.clean) throw new Error('expected a conflict')
    expect(out.regions).toEqual([
      { same: ['Title', '=======', ''] },
      { yours: ['Yours.'], theirs: ['Theirs.'] },
    ])
  })

  it('accepts the same change made twice, and one-sided changes', () => {
    const same = base.replace('Second', '2nd')
    expect(mergeThreeWay(base, same, same)).toEqual({ clean: true, text: same })
    expect(mergeThreeWay(base, base, same)).toEqual({ clean: true, text: same })
    expect(mergeThreeWay(base, same, base)).toEqual({ clean: true, text: same })
  })

  it('merges an insertion at the start with a change at the end', () => {
    const theirs = `Intro.\n\n${base}`
    const yours = `${base}\n\nClosing.`
    expect(mergeThreeWay(base, theirs, yours)).toEqual({ clean: true, text: `Intro.\n\n${base}\n\nClosing.` })
  })
})

describe('diffText', () => {
  it('marks changed words inside a changed line, and counts lines', () => {
    const to = base.replace('Second paragraph.', 'Second short paragraph.')
    const d = diffText(base, to)
    expect(d.added).toBe(1)
    expect(d.removed).toBe(1)
    const removed = d.lines.find((l) => l.kind === 'removed')
    const added = d.lines.find((l) => l.kind === 'added')
    expect(removed).toMatchObject({ oldNumber: 5 })
    expect(added).toMatchObject({ newNumber: 5 })
    if (added?.kind !== 'added') throw new Error('no added line')
    expect(added.parts.filter((p) => p.changed).map((p) => p.text.trim())).toEqual(['short'])
    expect(added.parts.map((p) => p.text).join('')).toBe('Second short paragraph.')
  })

  it('collapses long unchanged stretches around a change', () => {
    const long = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n')
    const d = diffText(long, long.replace('line 50', 'line fifty'))
    expect(d.lines[0]).toEqual({ kind: 'skipped', count: 47 })
    expect(d.lines.at(-1)).toEqual({ kind: 'skipped', count: 46 })
    expect(d.lines.filter((l) => l.kind === 'same')).toHaveLength(6)
  })

  it('is empty for equal texts', () => {
    expect(diffText(base, base)).toEqual({ lines: [{ kind: 'skipped', count: 7 }], added: 0, removed: 0 })
  })
})

describe('mergeThreeWay agrees with node-diff3', () => {
  function diff3(base: string, theirs: string, yours: string) {
    const regions = diff3Merge(yours.split('\n'), base.split('\n'), theirs.split('\n'), {
      excludeFalseConflicts: true,
    })
    const conflicts = regions.filter((r) => r.conflict).length
    if (conflicts) return { clean: false, conflicts }
    return { clean: true, text: regions.flatMap((r) => r.ok ?? []).join('\n') }
  }

  it('on random line edits of distinct lines (replacements, insertions, deletions)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.tuple(fc.nat(40), fc.constantFrom('replace', 'insert', 'delete')), { maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(40), fc.constantFrom('replace', 'insert', 'delete')), { maxLength: 6 }),
        (n, editsA, editsB) => {
          const lines = Array.from({ length: n }, (_, i) => `L${i}`)
          const apply = (edits: [number, string][], tag: string) => {
            const out = [...lines]
            for (const [pos, op] of [...edits].sort((x, y) => y[0] - x[0])) {
              const at = pos % (out.length + 1)
              if (op === 'insert') out.splice(at, 0, `${tag}${pos}+`)
              else if (at < out.length && op === 'replace') out[at] = `${tag}${pos}`
              else if (at < out.length && out.length > 1) out.splice(at, 1)
            }
            return out.join('\n')
          }
          const base = lines.join('\n')
          const yours = apply(editsA, 'A')
          const theirs = apply(editsB, 'B')
          const ours = mergeThreeWay(base, theirs, yours)
          const reference = diff3(base, theirs, yours)
          expect(ours.clean).toBe(reference.clean)
          if (ours.clean && reference.clean) expect(ours.text).toBe(reference.text)
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('mergeWords (the live editor merging a revision saved elsewhere)', () => {
  it('keeps changes next to each other on one line, and a change both sides made once', () => {
    expect(
      mergeWords('Line one.\n', 'Line one.\nTyped live.\n', 'Then more. Line one.\nTyped live.\n'),
    ).toEqual({
      clean: true,
      text: 'Then more. Line one.\nTyped live.\n',
    })
    expect(mergeWords('a b c', 'a B c', 'a b C')).toEqual({ clean: true, text: 'a B C' })
  })

  it('reports the same word changed two ways as a conflict', () => {
    expect(mergeWords('a b c', 'a X c', 'a Y c')).toMatchObject({ clean: false, conflicts: 1 })
  })
})
