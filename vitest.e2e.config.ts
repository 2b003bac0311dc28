import { defineConfig } from 'vitest/config';

// The Playwright suite: real web host processes + Debian's Chromium. Run through `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    // Two files at once (each has its own web host on a free port and its own data folder): the
    // suite's wall time is mostly waiting on Chromium and the host, so two cores overlap it.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
