import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // TF.js keeps global state (engine, kernel registry, active backend): a fresh
    // process per test file keeps backend switches in one file from leaking into another.
    pool: 'forks',
    // One file at a time: on 2 cores parallel forks only compete, and a fork whose event loop is
    // held by long synchronous TF.js work can miss vitest's RPC deadline ("Timeout calling onTaskUpdate").
    fileParallelism: false,
    // Real-data tests decode CIFAR-10 and train on a single wasm thread: minutes, not ms.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
