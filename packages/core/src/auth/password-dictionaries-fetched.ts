/**
 * The Workers variant of `#password-dictionaries` (the `workerd` condition in
 * packages/core/package.json): the same zxcvbn data as on Node, read once per isolate from the JSON
 * that the client build writes among the static assets, so that 1.6 MB of word lists are not code
 * in the Worker (which has a size limit). The Worker says how to read an asset at start-up.
 */
import { PASSWORD_DICTIONARIES_PATH, type PasswordDictionaries } from './password-dictionaries'

export { PASSWORD_DICTIONARIES_PATH, type PasswordDictionaries }

type ReadAsset = (path: string) => Promise<Response>

let readAsset: ReadAsset | undefined

/** Called by the Worker with its `ASSETS` binding before the first password check. */
export function readPasswordDictionariesWith(read: ReadAsset): void {
  readAsset = read
}

export async function loadPasswordDictionaries(): Promise<PasswordDictionaries> {
  if (!readAsset)
    throw new Error('The password dictionaries have no source: call readPasswordDictionariesWith first.')
  const response = await readAsset(PASSWORD_DICTIONARIES_PATH)
  if (!response.ok)
    throw new Error(
      `The password dictionaries are missing from the static assets (${PASSWORD_DICTIONARIES_PATH}: ${response.status}); build the client with \`pnpm build\`.`,
    )
  const data = (await response.json()) as Partial<PasswordDictionaries>
  if (!data.dictionary || !data.graphs || !data.translations)
    throw new Error(`${PASSWORD_DICTIONARIES_PATH} is not a set of zxcvbn dictionaries.`)
  return data as PasswordDictionaries
}
