import { readdir, readFile } from 'node:fs/promises';

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 on every mainstream kernel). */
const TICKS_PER_SECOND = 100;

/** utime + stime of a process in seconds (all its threads), from /proc; 0 when it is gone. */
async function cpuSecondsOf(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Ids of the processes whose parent is `pid` (a postmaster's backends). */
async function childrenOf(pid: number): Promise<number[]> {
  const found: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === pid) found.push(Number(name));
  }
  return found;
}

/** CPU seconds used so far by a process and, with `withChildren`, its child processes. */
export async function cpuSeconds(pid: number, withChildren = false): Promise<number> {
  const pids = withChildren ? [pid, ...(await childrenOf(pid))] : [pid];
  let total = 0;
  for (const p of pids) total += await cpuSecondsOf(p);
  return total;
}
