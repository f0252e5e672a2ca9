// Test projects: contract, web helpers, and server unit/integration tests (PGlite by default, PostgreSQL when
// DUCHA_TEST_DATABASE_URL is set). Browser flows run separately (npm run test:e2e).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'contract', include: ['packages/contract/src/**/*.test.ts'] } },
      // the web client's pure helpers (money, percentages); pages are covered by the browser flows
      { test: { name: 'web', include: ['packages/web/src/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts', 'packages/server/test/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
    ],
  },
});
