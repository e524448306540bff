/**
 * Words for matching a topic to groups: lower-cased, accents folded, stop words (English, and the
 * words every Register entry uses) dropped, and Porter-stemmed so that "cancers" meets "cancer"
 * and "screening" meets "screen".
 */
import { stemmer } from 'stemmer'

const ENGLISH = `a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once
only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves
then there these they this those through to too under until up very was we were what when where which while who whom
why will with would you your yours yourself yourselves within without across among amongst upon via per etc well
including include includes particular particularly especially way ways whether wide wider make makes making made may
must shall new one two three many much`

/** Words of the Register's own boilerplate: in nearly every title or purpose, they say nothing. */
const REGISTER = `appg appgs all-party party parliamentary parliament parliamentarians group groups mp mps peer peers member
members house houses commons lords westminster uk british britain united kingdom government governments minister
ministers policy policies policymakers issue issues matter matters raise raising awareness promote promoting
encourage encouraging discuss discussion discussions debate debates forum provide providing ensure ensuring support
supporting interest interests relating related relation relations work working aim aims purpose objective objectives
stakeholders sector sectors public private across key help helping engage engagement`

export const STOP_WORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${REGISTER}`.split(/\s+/).filter(Boolean))

export interface Token {
  stem: string
  /** The word as written (lower-cased), to show people. */
  word: string
}

/** The meaningful words of a text, in order, with repeats. */
export function tokens(text: string): Token[] {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
  const out: Token[] = []
  for (const word of folded.match(/[a-z][a-z'-]*[a-z]|[a-z]/g) ?? []) {
    for (const part of word.replace(/'s$/, '').split(/['-]/)) {
      if (part.length < 3 || STOP_WORDS.has(part)) continue
      const stem = stemmer(part)
      if (stem.length < 3 || STOP_WORDS.has(stem)) continue
      out.push({ stem, word: part })
    }
  }
  return out
}

/**
 * Everyday and clinical words for the same thing, which a topic and a group's purpose often use
 * one each ("lung" and "respiratory"). Each line is one family; a topic's word also counts,
 * at half weight, as the other words of its family.
 */
const FAMILIES = `lung lungs respiratory pulmonary breathing
heart cardiac cardiovascular cardiology
kidney kidneys renal
liver hepatic
brain neurological neurology
cancer cancers tumour tumours oncology
skin dermatology
eye eyes vision sight ophthalmic
mental psychiatric psychological
child children childhood paediatric young
elderly older ageing
teeth dental oral
bone bones orthopaedic musculoskeletal
blood haematology
gene genes genetic genetics genomic genomics
medicine medicines pharmaceutical
diabetes diabetic
stroke strokes`

function familyStems(): Map<string, string[]> {
  const related = new Map<string, Set<string>>()
  for (const line of FAMILIES.split('\n')) {
    const stems = [
      ...new Set(
        line
          .trim()
          .split(/\s+/)
          .map((w) => stemmer(w)),
      ),
    ]
    for (const stem of stems) {
      const set = related.get(stem) ?? new Set<string>()
      for (const other of stems) if (other !== stem) set.add(other)
      related.set(stem, set)
    }
  }
  return new Map([...related].map(([stem, set]) => [stem, [...set]]))
}

/** The stems related to a stem (not including itself). */
export const RELATED: ReadonlyMap<string, readonly string[]> = familyStems()
