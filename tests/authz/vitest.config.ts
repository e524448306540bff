import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/**
 * The authorization matrix, the audit check and the fuzzer. The root vitest.config.ts does not
 * include tests/authz and tests/fuzz yet; until it does, run them with
 * `npx vitest run --config tests/authz/vitest.config.ts` from the repository root.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/authz/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
})
