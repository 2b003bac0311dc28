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
    include: [
      'test/unit/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'exercises/*/tests/visible/**/*.test.ts',
      'exercises/*/tests/hidden/**/*.test.ts',
      'exercises/**/*.vitest.ts',
    ],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
