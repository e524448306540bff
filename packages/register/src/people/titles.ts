/**
 * Peers' titles in their two forms. A peer is styled by the short form ("Baroness Bennett") in
 * Parliament's own records, which the members file copies with the parliamentary id, and by the
 * full territorial form ("Baroness Bennett of Manor Castle") in the Register's editions, without.
 */
import { normaliseName } from '../parse'

/** A peer's style, a name, then "of" and a place; "Lord Bishop of Durham" has no short form. */
const TERRITORIAL =
  /^((?:the )?(?:lord|lady|baroness|baron|viscount|viscountess|earl|countess|marquess|duke)\s(?!bishop\b).+?)\s+of\s+.+$/

/** A peer's short style: a rank and one name, as "baroness bennett" or "lord mendelsohn". */
const SHORT =
  /^(?:the )?(?:lord|lady|baroness|baron|viscount|viscountess|earl|countess|marquess|duke)\s(?!bishop\b)\S+$/

/** "baroness bennett of manor castle" → "baroness bennett"; null when the name has no territorial part. */
export function shortTitle(name: string): string | null {
  const m = TERRITORIAL.exec(normaliseName(name))
  return m ? m[1]! : null
}

/** Whether a (normalised) name is a peer's short style, which a territorial title may extend. */
export function isShortTitle(nameKey: string): boolean {
  return SHORT.test(nameKey)
}
