import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The compiled entry of a worker thread, by its path under dist/ (`worker/trainer.thread.js`): beside
 * this file's folder when the process runs compiled, or in dist/ when it runs from sources (tests
 * through vitest; `npm test` builds first). A thread always runs compiled JavaScript.
 */
export function threadEntry(relative: string): string {
  const beside = join(__dirname, '..', relative);
  if (existsSync(beside)) return beside;
  const built = join(__dirname, '..', '..', 'dist', relative);
  if (existsSync(built)) return built;
  throw new Error(`thread entry not found (${beside}, ${built}); build apps/api first`);
}
