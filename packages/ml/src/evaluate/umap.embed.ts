import { UMAP } from 'umap-js';
import { mulberry32 } from '../core/seeded.rng';
import { yieldToEventLoop } from '../core/event-loop.yield';

export interface UmapOptions {
  /** Seeds UMAP's random choices (neighbour search, initial layout, sampling): the same input draws the same picture. */
  seed: number;
  onProgress?: (fraction: number) => void | Promise<void>;
}

/**
 * A 2-D UMAP embedding (umap-js, PAIR's port of McInnes et al.) of `data` (n rows × d columns,
 * row-major), with its defaults (15 neighbours, min distance 0.1). The layout is optimised epoch
 * by epoch, giving the event loop a turn between batches of epochs: a worker's heartbeats and
 * database connections share it.
 */
export async function umapEmbed(data: Float32Array, n: number, d: number, options: UmapOptions): Promise<{ x: number[]; y: number[] }> {
  if (data.length !== n * d) throw new Error(`${data.length} values are not ${n} rows of ${d}`);
  const rows = Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * d, (i + 1) * d)));
  const umap = new UMAP({ nComponents: 2, nNeighbors: Math.min(15, n - 1), minDist: 0.1, random: mulberry32(options.seed) });
  const epochs = umap.initializeFit(rows);
  await options.onProgress?.(0.3);
  for (let e = 0; e < epochs; e++) {
    umap.step();
    if (e % 25 === 24) {
      await options.onProgress?.(0.3 + (0.7 * (e + 1)) / epochs);
      await yieldToEventLoop();
    }
  }
  const embedding = umap.getEmbedding();
  return { x: embedding.map((p) => p[0]!), y: embedding.map((p) => p[1]!) };
}
