/**
 * Refuses guessable passwords (common ones, keyboard walks, names, dates, repeats) with zxcvbn-ts
 * and its English dictionaries, and says why in zxcvbn's own words. The dictionaries (about 1.6 MB
 * of word lists) are loaded on the first check, not at start-up: imported on Node, read from the
 * static assets on Workers (`#password-dictionaries`), the same data and so the same rule on both.
 */

import type { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { loadPasswordDictionaries } from '#password-dictionaries'

/** zxcvbn's 0–4 scale: 3 is "safely unguessable", about 10^8 guesses or more. */
export const MIN_PASSWORD_SCORE = 3
/**
 * Bounds on zxcvbn's work, which runs on the event loop: only the first 50 characters are scored
 * (beyond that the start decides), and at most 4 look-alike substitutions (`p4ssw0rd`) are tried.
 * With zxcvbn's defaults (256, 100), 50 characters of `aB3$aB3$…` took 0.8 s; with these, tens
 * of milliseconds.
 */
const SCORED_LENGTH = 50
const L33T_SUBSTITUTIONS = 4

/** Words that make a password easy to guess on this site in particular. */
const SITE_WORDS = ['appg', 'appghub', 'hub', 'parliament', 'westminster', 'allparty', 'commons', 'lords']

let estimator: Promise<ZxcvbnFactory> | undefined

function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), loadPasswordDictionaries()]).then(
    ([{ ZxcvbnFactory }, dictionaries]) =>
      new ZxcvbnFactory({
        ...dictionaries,
        maxLength: SCORED_LENGTH,
        l33tMaxSubstitutions: L33T_SUBSTITUTIONS,
      }),
  )
  // A failed load (say, the assets not there yet) is tried again on the next check.
  estimator.catch(() => {
    estimator = undefined
  })
  return estimator
}

/**
 * Why a password is too easy to guess, or null when it is strong enough. `personal` holds what
 * the person told us (email, name), which a guesser would try first.
 */
export async function weakPasswordProblem(password: string, personal: string[] = []): Promise<string | null> {
  const zxcvbn = await loadEstimator()
  const words = [
    ...SITE_WORDS,
    ...personal.flatMap((p) => [p.toLowerCase(), ...p.toLowerCase().split(/[^\p{L}\p{N}]+/u)]),
  ].filter((w) => w.length >= 3)
  const result = zxcvbn.check(password.slice(0, SCORED_LENGTH), words)
  if (result.score >= MIN_PASSWORD_SCORE) return null
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ')
  return `This password is too easy to guess.${advice ? ` ${advice}` : ''} A few unrelated words make a strong one.`
}
