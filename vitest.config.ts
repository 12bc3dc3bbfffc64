import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['apps/*/test/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['packages/stack/src/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests poll what a person would see; on a loaded machine a page can take a few
    // seconds to show it, which is slow but not wrong.
    expect: { poll: { timeout: 10_000 } },
    // Two cores: two files at a time keeps the real services responsive.
    maxWorkers: 2,
    pool: 'forks',
  },
});
