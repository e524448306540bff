/**
 * The word lists and keyboard layouts that zxcvbn guesses with (about 1.6 MB), imported from the
 * `@zxcvbn-ts/language-*` packages on the first password check. This is the Node variant of
 * `#password-dictionaries` (packages/core/package.json); on Workers the same data is read from the
 * static assets instead (password-dictionaries-fetched.ts), to keep it out of the Worker's code.
 */
import type { OptionsType } from '@zxcvbn-ts/core'

export type PasswordDictionaries = Required<Pick<OptionsType, 'dictionary' | 'graphs' | 'translations'>>

/** Where the client build writes the same data as JSON (apps/web/scripts/postbuild.mjs). */
export const PASSWORD_DICTIONARIES_PATH = '/_data/password-dictionaries.json'

export async function loadPasswordDictionaries(): Promise<PasswordDictionaries> {
  const [common, en] = await Promise.all([
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ])
  return {
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  }
}
