import * as tf from '@tensorflow/tfjs';

export interface TMatMulPeak {
  /** Square size n of the n×n · n×n product timed. */
  n: number;
  /** Best GFLOP/s over the timed products, on the one core wasm uses. */
  gflopsOneCore: number;
}

/**
 * The arithmetic peak a train step can be measured against: a large fp32 matmul through the
 * active backend's BatchMatMul (on wasm: XNNPACK's fully-connected GEMM, one thread), timed
 * several times; the best run counts, because other processes on a shared machine only ever
 * slow a run down. Timed in this process's CPU time, like the rows' `cpu ms/step`: on a
 * busy machine wall time also counts waiting for a core (the kernel is single-threaded, so
 * on an idle machine the two agree). What two cores would give is twice that (wasm never
 * runs two in Node).
 * The product is read back inside the timing but the typed array is not returned from
 * tf.tidy: tidy walks a returned array element by element looking for tensors.
 */
export function measureMatMulPeak(n = 1024, reps = 5): TMatMulPeak {
  const a = tf.randomUniform([n, n], -1, 1, 'float32', 1);
  const b = tf.randomUniform([n, n], -1, 1, 'float32', 2);
  try {
    const once = () => tf.tidy(() => void tf.matMul(a, b).dataSync());
    once(); // warm-up: XNNPACK packs b and creates its operator once per b
    let best = Infinity;
    for (let i = 0; i < reps; i++) {
      const start = process.cpuUsage();
      once();
      const used = process.cpuUsage(start);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return { n, gflopsOneCore: (2 * n ** 3) / (best * 1e6) };
  } finally {
    tf.dispose([a, b]);
  }
}
