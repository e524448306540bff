/**
 * People's names as the Register writes them, in the one form that identifies a person across
 * editions and sources. Used by the Register import (packages/register) and by merges here.
 */

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g

const PREFIXES =
  /^(the|rt\.? ?hon\.?|right hon(ou)?rable|hon\.?|honourable|sir|dame|dr\.?|doctor|mr\.?|mrs\.?|ms\.?|miss|mx\.?|prof\.?|professor|cllr\.?|councillor)\s+/
const SUFFIXES = /[\s,]+(mp|kc|qc|cbe|obe|mbe|kbe|dbe|pc|dl|frs|fmedsci|fba|freng|bt|bart)\.?$/

/**
 * The form of a name that identifies a person across editions and sources: lower case, one space
 * between words, honorifics ("Sir", "Dame", "Dr", "Rt Hon", "Mr"…) and post-nominals (a trailing
 * "MP", "KC", "CBE"…) removed. Titles of peers ("Baroness Coffey", "Lord Bishop of Manchester")
 * are kept, since they are what identifies a peer.
 */
export function normaliseName(name: string): string {
  let s = name
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
  for (;;) {
    const before = s
    s = s
      .replace(/^[\s,.;:-]+|[\s,.;:-]+$/g, '')
      .replace(PREFIXES, '')
      .replace(SUFFIXES, '')
    if (s === before) break
  }
  return s.replace(/\s*-\s*/g, '-')
}
