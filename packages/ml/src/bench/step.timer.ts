export interface TStepTiming {
  steps: number;
  /** Wall ms per step. */
  msPerStep: number;
  /** This process's CPU ms per step, all its threads together. */
  cpuMsPerStep: number;
}

/** Runs `oneStep` up to `steps` times, no longer than `seconds` once 2 have run, and times it. */
export async function timeStepLoop(
  oneStep: () => Promise<void>,
  { steps, seconds }: { steps: number; seconds: number },
): Promise<TStepTiming> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let done = 0;
  while (done < steps && (done < 2 || performance.now() - start < seconds * 1000)) {
    await oneStep();
    done++;
  }
  const cpu = process.cpuUsage(cpuStart);
  return { steps: done, msPerStep: (performance.now() - start) / done, cpuMsPerStep: (cpu.user + cpu.system) / 1000 / done };
}
