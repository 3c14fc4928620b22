import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The OS account the Postgres processes run as. */
export interface PgOsUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

const PG_USER = 'postgres';

/**
 * PostgreSQL refuses to run as root. When this process is root (containers, CI), initdb and the
 * server are started as the `postgres` account instead, created here if the system lacks it.
 * Answers undefined when not root: Postgres then simply runs as the current user.
 */
export async function resolvePgOsUser(): Promise<PgOsUser | undefined> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const existing = await lookup(PG_USER);
  if (existing) return existing;
  try {
    // Debian/Ubuntu tools (the images this runs in); a system account without home or shell.
    await run('groupadd', ['--system', PG_USER]).catch(ignoreAlreadyExists);
    await run('useradd', ['--system', '--gid', PG_USER, '--no-create-home', '--shell', '/usr/sbin/nologin', PG_USER]);
  } catch (e) {
    throw new Error(
      `Running as root, and the "${PG_USER}" OS user PostgreSQL must run as does not exist and could not be created: ${(e as Error).message}`,
    );
  }
  const created = await lookup(PG_USER);
  if (!created) throw new Error(`Created the "${PG_USER}" OS user but cannot find it.`);
  return created;
}

async function lookup(name: string): Promise<PgOsUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { name, uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    return undefined;
  }
}

/** groupadd exits with 9 when the group exists (a user removed without its group). */
function ignoreAlreadyExists(e: unknown): void {
  if ((e as { code?: unknown }).code !== 9) throw e;
}
