import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chown, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { OutputTail } from './pg-output.tail';
import type { PgOsUser } from './pg-os-user.resolver';

export interface InitdbParams {
  readonly initdb: string;
  readonly dataDir: string;
  readonly superuser: string;
  readonly password: string;
  readonly osUser: PgOsUser | undefined;
  readonly log: (line: string) => void;
}

/** Creates a new cluster in an empty, prepared folder (see preparePgDataDir). */
export async function runInitdb(p: InitdbParams): Promise<void> {
  // initdb reads the superuser password from a file; it must be readable by the Postgres account.
  const pwFile = path.join(os.tmpdir(), `tensorscope-pg-pw-${randomBytes(8).toString('hex')}`);
  await writeFile(pwFile, `${p.password}\n`, { mode: 0o600 });
  try {
    if (p.osUser) await chown(pwFile, p.osUser.uid, p.osUser.gid);
    const args = [
      `--pgdata=${p.dataDir}`,
      `--username=${p.superuser}`,
      `--pwfile=${pwFile}`,
      '--auth=scram-sha-256',
      // Without these the cluster would inherit the environment's locale, which is SQL_ASCII
      // where LANG is unset (containers). C collation: byte order, same on every machine.
      '--encoding=UTF8',
      '--locale=C',
    ];
    const tail = new OutputTail(p.log);
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(p.initdb, args, {
        ...(p.osUser ? { uid: p.osUser.uid, gid: p.osUser.gid } : {}),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      tail.follow(child.stdout);
      tail.follow(child.stderr);
      child.once('error', reject);
      child.once('close', resolve);
    });
    if (code !== 0) throw new Error(`initdb failed (exit ${code}) for ${p.dataDir}:\n${tail.toString()}`);
  } finally {
    await rm(pwFile, { force: true });
  }
}
