import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    env: { TZ: 'UTC', NO_COLOR: '1', LANG: 'en_US.UTF-8' },
    testTimeout: 60_000,
    pool: 'forks',
  },
});
