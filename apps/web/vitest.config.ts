import { defineConfig } from 'vitest/config';

// Only pure logic is unit-tested here (cache merging, alignment, parsing, formatting),
// so a plain Node environment is enough; the browser is covered by the e2e suite.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
