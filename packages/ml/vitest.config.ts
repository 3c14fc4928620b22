import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // TF.js keeps global state (engine, kernel registry, active backend): a fresh
    // process per test file keeps backend switches in one file from leaking into another.
    pool: 'forks',
    // Real-data tests decode CIFAR-10 and train on a single wasm thread: minutes, not ms.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
