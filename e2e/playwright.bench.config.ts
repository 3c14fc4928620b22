import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// `pnpm bench` (compare view): the real stack on its own ports, no worker, and a persistent
// Postgres under .data/bench-postgres so the 10-million-point seed is paid once.
process.env.E2E_API_PORT ??= '4200';
process.env.E2E_WEB_PORT ??= '3200';
process.env.E2E_WORKERS ??= '0';
process.env.E2E_PG_DIR ??= join(__dirname, '..', '.data', 'bench-postgres');

// eslint-disable-next-line import/first -- ports must be set before the shared config reads them
const base = require('./playwright.config').default;

export default defineConfig({
  ...base,
  testDir: './bench',
  testMatch: /.*\.bench\.ts$/,
  timeout: 900_000,
});
