import * as tf from '@tensorflow/tfjs';

/**
 * What one gradient all-reduce would cost a worker in two-thread data-parallel training
 * (each thread its own wasm instance, training on half the batch): its gradients leave
 * the wasm heap (`params` floats read out), are averaged with the other worker's (one add
 * and scale per float, both halves in a SharedArrayBuffer) and go back in as tensors for
 * the optimizer. Best of `reps`, in this process's CPU ms (as the bench's `cpu ms/step`).
 * Both workers do this at once, one per core.
 */
export function measureAllReduceMs(params: number, reps = 5): number {
  const grad = tf.randomUniform([params], -1, 1, 'float32', 3);
  const other = new Float32Array(new SharedArrayBuffer(params * 4)).fill(0.5);
  let best = Infinity;
  try {
    for (let r = 0; r < reps; r++) {
      const start = process.cpuUsage();
      const mine = grad.dataSync();
      const avg = new Float32Array(params);
      for (let i = 0; i < params; i++) avg[i] = 0.5 * ((mine[i] as number) + (other[i] as number));
      tf.tensor1d(avg).dispose();
      const used = process.cpuUsage(start);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return best;
  } finally {
    grad.dispose();
  }
}
