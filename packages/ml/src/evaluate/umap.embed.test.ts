import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../core/seeded.rng';
import { umapEmbed } from './umap.embed';

/** Three tight blobs far apart in 20-D, 40 points each: blob b is rows 40·b … 40·b + 39. */
function blobs(): Float32Array {
  const rand = mulberry32(11);
  const d = 20;
  const data = new Float32Array(120 * d);
  for (let i = 0; i < 120; i++) {
    const blob = Math.floor(i / 40);
    for (let j = 0; j < d; j++) data[i * d + j] = (j % 3 === blob ? 10 : 0) + rand() - 0.5;
  }
  return data;
}

describe('umapEmbed', () => {
  it('keeps well-separated clusters apart: every point’s nearest neighbour in 2-D is from its own blob', async () => {
    const { x, y } = await umapEmbed(blobs(), 120, 20, { seed: 1 });
    expect(x).toHaveLength(120);
    for (let i = 0; i < 120; i++) {
      let best = -1;
      let bestDist = Infinity;
      for (let j = 0; j < 120; j++) {
        const dist = (x[i]! - x[j]!) ** 2 + (y[i]! - y[j]!) ** 2;
        if (j !== i && dist < bestDist) [best, bestDist] = [j, dist];
      }
      expect(Math.floor(best / 40), `point ${i}`).toBe(Math.floor(i / 40));
    }
  });

  it('draws the same picture for the same seed', async () => {
    const a = await umapEmbed(blobs(), 120, 20, { seed: 5 });
    const b = await umapEmbed(blobs(), 120, 20, { seed: 5 });
    expect(a).toEqual(b);
  });
});
