import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      // The web client's component tests and its build's first-load figures (apps/web/vitest.config.ts).
      'apps/web/vitest.config.ts',
      {
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
            'infra/**/*.test.ts',
            'tests/integration/**/*.test.ts',
            // The client's pure helpers (no DOM): mentions, plurals, links.
            'apps/web/src/lib/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // Generated from the router: every procedure × caller × relation, the audit check, fuzzing.
          name: 'authz',
          include: ['tests/authz/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // The Worker on workerd (wrangler dev) against MySQL behind the PlanetScale HTTP protocol.
          name: 'edge',
          include: ['tests/edge/**/*.test.ts'],
          // Stops wrangler dev and workerd at the end of the run, also after a failure.
          globalSetup: ['tests/support/process-teardown.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
