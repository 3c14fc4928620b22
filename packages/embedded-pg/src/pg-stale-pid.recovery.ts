import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Clears what an earlier run may have left in `<dataDir>/postmaster.pid` before a server is
 * started on that folder:
 * - its process is gone, or the PID now belongs to another program (PIDs are reused, e.g. after
 *   a container restart): the file is stale and removed. Postgres itself would refuse to start
 *   when the reused PID is a live process of its own user.
 * - a live postmaster on this folder that lost its parent (reparented to init, because the Node
 *   process owning it was killed with SIGKILL): it is an orphan, and is shut down so this run
 *   owns the server again. The cluster survives; Postgres recovers from its WAL.
 * - a live postmaster whose parent is alive: another process is using this cluster, so starting
 *   a second server is refused with a message saying which.
 */
export async function recoverStalePostmaster(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const content = await readFile(pidFile, 'utf8').catch(() => undefined);
  if (content === undefined) return;
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    log(`removing stale ${pidFile} (process ${pid} is gone)`);
    await rm(pidFile, { force: true });
    return;
  }
  const proc = await readProc(pid);
  if (!proc) return; // No /proc (macOS): leave the judgement to Postgres.
  if (!isPostmasterOf(proc.args, dataDir)) {
    log(`removing stale ${pidFile} (PID ${pid} now belongs to another program)`);
    await rm(pidFile, { force: true });
    return;
  }
  // When this process is PID 1 itself (a container entry point), a child of PID 1 is its own.
  if (proc.ppid !== 1 || process.pid === 1) {
    throw new Error(
      `PostgreSQL (pid ${pid}, started by pid ${proc.ppid}) is already running on ${dataDir}. ` +
        'Stop that process first, or use another data folder.',
    );
  }
  log(`stopping PostgreSQL pid ${pid} left running on ${dataDir} by a crashed run`);
  await stopOrphan(pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, but not ours to signal
  }
}

async function readProc(pid: number): Promise<{ args: string[]; ppid: number } | undefined> {
  try {
    const [cmdline, stat] = await Promise.all([readFile(`/proc/${pid}/cmdline`, 'utf8'), readFile(`/proc/${pid}/stat`, 'utf8')]);
    // stat is "pid (comm) state ppid …"; comm may contain spaces and parentheses.
    const ppid = Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '', 10);
    return { args: cmdline.split('\0').filter(Boolean), ppid };
  } catch {
    return undefined;
  }
}

/** Our servers are started as `postgres -D <dataDir> …`. */
function isPostmasterOf(args: string[], dataDir: string): boolean {
  const d = args.indexOf('-D');
  const dir = d >= 0 ? args[d + 1] : undefined;
  return path.basename(args[0] ?? '') === 'postgres' && dir !== undefined && path.resolve(dir) === path.resolve(dataDir);
}

/** Fast shutdown (SIGINT), then immediate shutdown (SIGQUIT) if it takes too long. */
async function stopOrphan(pid: number): Promise<void> {
  for (const [signal, waitMs] of [
    ['SIGINT', 30_000],
    ['SIGQUIT', 10_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return; // already gone
    }
    for (let waited = 0; waited < waitMs; waited += 100) {
      if (!isAlive(pid)) return;
      await sleep(100);
    }
  }
  throw new Error(`PostgreSQL pid ${pid} did not stop; kill it and try again.`);
}
