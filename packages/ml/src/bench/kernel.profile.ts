import * as tf from '@tensorflow/tfjs';
import { kernelFlops } from './flop.count';

/** Self time (ms), calls and counted FLOPs of one kernel (or kernel + input shapes) over the profiled span. */
export interface TKernelTime {
  kernel: string;
  calls: number;
  selfMs: number;
  flops: number;
}

export interface TKernelProfiler {
  /** Rows by self time, largest first. */
  report: () => TKernelTime[];
  reset: () => void;
  /** Puts the unwrapped kernels back. */
  restore: () => void;
}

/**
 * Wraps every kernel registered for `backend` with a timer, so a train step's time can be
 * split per kernel. wasm kernels are synchronous and single-threaded, so this process's CPU
 * time around kernelFunc is their cost; CPU time, not wall time, so that a profile taken
 * while other processes share the cores still splits the step as an idle machine would. Composed kernels (our fixes call wasm's Conv2D, Transpose, …) are charged only
 * their own time (self time): nested calls are subtracted from the caller, so the column
 * sums to the time spent inside kernels at all; the rest of a step is JS (tape, autograd,
 * layers bookkeeping). With byShape, rows are kernel + input shapes.
 */
export function profileKernels(backend: string, byShape = false): TKernelProfiler {
  const times = new Map<string, TKernelTime>();
  const stack: number[] = []; // time spent in children of each open call
  const originals = tf.getKernelsForBackend(backend);
  for (const config of originals) {
    const inner = config.kernelFunc;
    const wrapped: tf.KernelFunc = (args) => {
      stack.push(0);
      const t0 = process.cpuUsage();
      let out: tf.TensorInfo | tf.TensorInfo[] | undefined;
      try {
        out = inner(args);
        return out;
      } finally {
        const used = process.cpuUsage(t0);
        const total = (used.user + used.system) / 1000;
        const children = stack.pop() ?? 0;
        if (stack.length > 0) stack[stack.length - 1]! += total;
        const shapes = Object.values(args.inputs).map((t) => `[${(t?.shape ?? []).join('×')}]`);
        const key = byShape ? `${config.kernelName} ${shapes.join(' ')}` : config.kernelName;
        const entry = times.get(key) ?? { kernel: key, calls: 0, selfMs: 0, flops: 0 };
        entry.calls++;
        entry.selfMs += total - children;
        const first = Array.isArray(out) ? out[0] : out;
        if (first !== undefined) entry.flops += kernelFlops(config.kernelName, args.inputs, args.attrs ?? {}, first);
        times.set(key, entry);
      }
    };
    tf.unregisterKernel(config.kernelName, backend);
    tf.registerKernel({ ...config, kernelFunc: wrapped });
  }
  return {
    report: () => [...times.values()].sort((a, b) => b.selfMs - a.selfMs),
    reset: () => times.clear(),
    restore: () => {
      for (const config of originals) {
        tf.unregisterKernel(config.kernelName, backend);
        tf.registerKernel(config);
      }
    },
  };
}
