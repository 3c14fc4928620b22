import { execFile } from 'node:child_process';
import { access, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PgOsUser } from './pg-os-user.resolver';

const run = promisify(execFile);

/** What the cluster folder holds before start. */
export type PgDataDirState = 'initialised' | 'empty';

/**
 * Creates the cluster folder if needed and makes it usable by the account Postgres runs as:
 * owned by it (initdb and the server insist) and reachable through every parent folder.
 * A folder that holds files but no cluster is refused rather than overwritten.
 */
export async function preparePgDataDir(dataDir: string, osUser: PgOsUser | undefined): Promise<PgDataDirState> {
  // Parents stay searchable by others (the Postgres account when root); the cluster is private.
  await mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const initialised = await access(path.join(dataDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (!initialised && (await readdir(dataDir)).length > 0) {
    throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION); refusing to touch it.`);
  }
  if (osUser) {
    const owner = (await stat(dataDir)).uid;
    // Also fixes a cluster created by a non-root run and now started as root.
    if (owner !== osUser.uid) await run('chown', ['-R', `${osUser.uid}:${osUser.gid}`, dataDir]);
    await assertReachable(dataDir, osUser);
  }
  return initialised ? 'initialised' : 'empty';
}

/** Every parent folder must be searchable by the Postgres account (mkdtemp folders are 0700). */
async function assertReachable(dataDir: string, osUser: PgOsUser): Promise<void> {
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    const s = await stat(dir);
    const searchable =
      (s.uid === osUser.uid && (s.mode & 0o100) !== 0) || (s.gid === osUser.gid && (s.mode & 0o010) !== 0) || (s.mode & 0o001) !== 0;
    if (!searchable) {
      throw new Error(
        `PostgreSQL runs as the "${osUser.name}" OS user (the process is root), which cannot enter ${dir} ` +
          `(mode ${(s.mode & 0o777).toString(8)}). Use a data folder it can reach, or chmod o+x ${dir}.`,
      );
    }
    if (path.dirname(dir) === dir) return;
  }
}
