import type { TTop9Result } from '@tensorscope/shared';

/*
 * Sizes of the top-9 grid (Zeiler & Fergus fig. 2). Patches are receptive-field crops, a few
 * pixels to a side, so they are drawn magnified with hard pixel edges. Every cell gets the same
 * square box, known before any image loads, so the grid doesn't jump as the lazy images arrive.
 */

export const ZOOM_OPTIONS = [1, 2, 3, 4, 6, 8] as const;
/** Side of a cell the automatic zoom aims for, in CSS pixels. */
const TARGET_CELL = 48;
const FALLBACK_SIDE = 8;

export type TTop9View = 'deconv' | 'patch' | 'both';
/** Which image blocks a view draws per feature map, in order: projections left, patches right. */
export const VIEW_BLOCKS: Record<TTop9View, readonly ('deconv' | 'patch')[]> = {
  deconv: ['deconv'],
  patch: ['patch'],
  both: ['deconv', 'patch'],
};

/** The largest receptive field in the result (boxes are [top, left, bottom, right), clipped at the border). */
export function patchSide(result: Pick<TTop9Result, 'featureMaps'>): number {
  let side = 0;
  for (const map of result.featureMaps) {
    for (const { box } of map.top) side = Math.max(side, box[2] - box[0], box[3] - box[1]);
  }
  return side > 0 ? side : FALLBACK_SIDE;
}

/** The zoom option that brings a patch closest to the target cell (conv1's 5 px → ×8 capped, conv2's 14 px → ×3). */
export function autoZoom(side: number): number {
  const wanted = TARGET_CELL / Math.max(1, side);
  let best: number = ZOOM_OPTIONS[0];
  for (const z of ZOOM_OPTIONS) if (Math.abs(z - wanted) < Math.abs(best - wanted)) best = z;
  return best;
}

/** Ranks 0 … 8 laid out row-major in a 3×3 block, fewer when the search found fewer images. */
export const TOP9_RANKS = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;
