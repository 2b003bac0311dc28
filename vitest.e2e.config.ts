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
    // expect.poll waits for the page to catch up (a TypeScript worker's answer, a re-render).
    // Vitest's default gives up after 1 s, which a busy 2-core machine running two files at once
    // can exceed: F12's go-to-definition once took longer in CI. A wait, not a speed limit:
    // a poll that succeeds returns at once.
    expect: { poll: { timeout: 15_000 } },
  },
});
