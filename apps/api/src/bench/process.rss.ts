import { readFile } from 'node:fs/promises';

/**
 * Resident set size of a process in MiB, from /proc (Linux), so it covers every thread of the
 * process (a worker's trainer thread included) and the memory V8 does not manage (wasm, buffers).
 * Null where /proc is missing or the process is gone.
 */
export async function residentMiB(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}
