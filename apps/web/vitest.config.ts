// The client's tests (the `web` project of the root vitest.config.ts): components rendered with Solid's
// testing library in jsdom, and the built output measured (scripts/first-load.test.ts).
import solid from 'vite-plugin-solid'
import { defineProject } from 'vitest/config'

export default defineProject({
  plugins: [solid()],
  resolve: { conditions: ['development', 'browser'] },
  test: {
    name: 'web',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'jsdom',
    testTimeout: 30_000,
    hookTimeout: 240_000,
  },
})
