import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

export const API_PORT = Number(process.env.E2E_API_PORT ?? 4100);
export const PG_PORT = API_PORT + 1000;
export const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 3100);
/** The admin's signed-in browser state, written by the global setup (ignored by git). */
export const STORAGE_STATE = join(__dirname, '.auth', `admin-${API_PORT}.json`);

// Drives the real dashboard in Debian's Chromium (never a downloaded browser) against the whole
// stack started by scripts/stack.mjs on its own ports and its own throwaway Postgres.
export default defineConfig({
  testDir: './tests',
  timeout: 240_000,
  workers: 1,
  reporter: [['list']],
  globalSetup: './stack.global-setup.ts',
  outputDir: './test-results',
  use: {
    baseURL: `http://127.0.0.1:${WEB_PORT}`,
    storageState: STORAGE_STATE,
    screenshot: 'only-on-failure',
    // A failure keeps its trace (network, console, DOM per step): a flake seen once can be read afterwards.
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
});
