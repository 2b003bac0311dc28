import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { workspaceResolver } from './test/support/workspaceResolver';

const root = fileURLToPath(new URL('.', import.meta.url));

// Unit and integration tests, plus every exercise's visible and hidden suites run against its
// reference solution (REPLAYGROUND_EXERCISE_VARIANT=starter or mutants/<name> to try another
// variant by hand). The Playwright suite runs through `npm run test:e2e`.
export default defineConfig({
  plugins: [workspaceResolver({ root, variant: process.env.REPLAYGROUND_EXERCISE_VARIANT ?? 'solution' })],
  resolve: { alias: { '@common': `${root}electron/engine/common`, '@contract': `${root}electron/engine/api` } },
  test: {
    environment: 'node',
    pool: 'forks',
    // Vitest's default on 2 cores is one worker; much of the integration tests' time is waiting on
    // sandbox processes, hosts and SQLite, which a second worker overlaps.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        // Pure code and the exercise suites: no process, port or file outlives a test file, so the
        // files share their worker's loaded modules (isolation costs about 40% of this project's CPU).
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'exercises/*/tests/visible/**/*.test.ts', 'exercises/*/tests/hidden/**/*.test.ts', 'exercises/**/*.vitest.ts'],
          isolate: false,
        },
      },
      {
        // Sandbox processes, hosts, databases and pools: each file in its own fresh process.
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'] },
      },
    ],
  },
});
