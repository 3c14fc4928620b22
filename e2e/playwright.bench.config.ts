import './bench-stack.env';
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: './bench',
  testMatch: /.*\.bench\.ts$/,
  timeout: 900_000,
  // No Playwright trace or screenshots: the trace recorder snapshots the whole DOM in the page on
  // every action (each page.evaluate of the control timings), 300–500 ms of main-thread work per
  // measured control change on the compare view (its 100-row legend and tables), competing with
  // what the bench measures.
  use: { ...base.use, trace: 'off', screenshot: 'off' },
});
