import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // integration suites share the machine's Redis and PostgreSQL; each uses its own queue prefix and schema
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
