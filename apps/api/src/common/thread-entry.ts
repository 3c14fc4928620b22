import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The compiled entry of a worker thread, `<folder>/<name>.js` under the API's dist/: beside the
 * calling file when it runs from dist/, or in dist/ when it runs from sources (tests through
 * vitest; `npm test` builds first). Threads always run compiled code.
 */
export function threadEntry(callerDir: string, folder: string, name: string): string {
  const sibling = join(callerDir, `${name}.js`);
  if (existsSync(sibling)) return sibling;
  const built = join(callerDir, '..', '..', 'dist', folder, `${name}.js`);
  if (existsSync(built)) return built;
  throw new Error(`thread entry not found (${sibling}, ${built}); build apps/api first`);
}
