import { defineConfig } from 'vitest/config';

// The page tour (`npm run screenshots`): real web host + Debian's Chromium, writes docs/screenshots/.
export default defineConfig({
  test: {
    include: ['test/screenshots/**/*.shots.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 60_000,
  },
});
