import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { API_DIR, PRISMA_CONFIG_FILE } from './db.paths';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export interface PrismaCliOptions {
  /** Receives the CLI's output line by line. Default: this process's stdout and stderr. */
  onOutput?: (line: string) => void;
}

/**
 * Runs the Prisma CLI of this package (`prisma <args>`) against `databaseUrl`, with the config
 * that makes it work offline (engine "js", patched pg adapter). The paths do not depend on the
 * working directory, so it runs the same from the repo, from dist/ and in the Docker image.
 * Rejects, quoting the CLI's output, when it exits non-zero.
 */
export async function runPrismaCli(args: readonly string[], databaseUrl: string, options: PrismaCliOptions = {}): Promise<void> {
  const cli = createRequire(__filename).resolve('prisma/build/index.js', { paths: [API_DIR] });
  const child = spawn(process.execPath, [cli, ...args, '--config', PRISMA_CONFIG_FILE], {
    cwd: API_DIR,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      // No update check or telemetry: both are network calls, which fail (slowly) offline.
      CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const printed: string[] = [];
  forwardLines(child.stdout, printed, options.onOutput ?? ((line) => process.stdout.write(`${line}\n`)));
  forwardLines(child.stderr, printed, options.onOutput ?? ((line) => process.stderr.write(`${line}\n`)));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) {
    // Prisma prints a few dozen lines at most; the last ones say why it failed.
    throw new Error(`prisma ${args.join(' ')} failed (exit ${code})\n${printed.slice(-40).join('\n')}`);
  }
}

/** Hands each line of `stream` to `onLine` and keeps it in `into`. */
function forwardLines(stream: Readable, into: string[], onLine: (line: string) => void): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    into.push(line);
    onLine(line);
  });
}
