/**
 * mulberry32: a tiny, fast 32-bit PRNG. Good enough to shuffle image order, and
 * (unlike Math.random) reproducible from a seed.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
