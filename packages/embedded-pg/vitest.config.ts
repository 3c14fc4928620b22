import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each test starts real PostgreSQL servers (initdb alone takes seconds on a busy machine).
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
