import { dirname } from 'node:path';

/**
 * Folder of an installed npm package. Resolving its package.json (rather than
 * its main entry) works for data-only packages and follows pnpm's symlinks
 * from this package's own node_modules.
 */
export function installedPackageDir(packageName: string): string {
  return dirname(require.resolve(`${packageName}/package.json`));
}
