import { mulberry32 } from '../core/seeded.rng';

/**
 * A permutation of 0..count-1 for one epoch (Fisher–Yates). Each epoch gets its
 * own stream derived from (seed, epoch), so epoch k's order does not depend on how
 * many numbers earlier epochs drew, and a resumed run could reproduce it.
 */
export function shuffledIndices(count: number, seed: number, epoch: number): Uint32Array {
  const random = mulberry32((seed ^ Math.imul(epoch + 1, 0x9e3779b9)) >>> 0);
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = order[i] as number;
    order[i] = order[j] as number;
    order[j] = tmp;
  }
  return order;
}
