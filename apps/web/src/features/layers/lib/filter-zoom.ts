/*
 * Pixels per weight for the filter-grid PNG. One fixed zoom can't fit every layer: 32 5×5
 * conv1 filters at zoom 8 are a 245 px thumbnail, while conv2's 64×32 grid of tiles at the
 * same zoom is a 1300×2600 px image that takes the API half a second to draw. The zoom is
 * chosen so the grid comes out near a readable size, estimating the API's layout (first
 * layer: a square-ish grid of filters; deeper layers: filters × input channels).
 */
const TARGET_WIDTH = 720;
const TARGET_HEIGHT = 960;
const MAX_ZOOM = 16;

/**
 * `shape` is a conv kernel's [height, width, inputChannels, outputFilters]; with `oneFilter`, the
 * API draws a single filter: its input channels as a near-square grid (one tile for RGB).
 */
export function filterZoom(shape: readonly number[], oneFilter = false): number {
  const [h = 1, w = 1, inputs = 1, outputs = 1] = shape;
  const imageInput = inputs === 1 || inputs === 3;
  const tiles = oneFilter ? (inputs === 3 ? 1 : inputs) : imageInput ? outputs : 0;
  const cols = tiles > 0 ? Math.ceil(Math.sqrt(tiles)) : inputs;
  const rows = tiles > 0 ? Math.ceil(tiles / cols) : outputs;
  const zoom = Math.floor(Math.min(TARGET_WIDTH / (cols * w), TARGET_HEIGHT / (rows * h)));
  return Math.max(1, Math.min(MAX_ZOOM, zoom));
}

/**
 * Which output filter a click at `offsetY` (CSS px from the image's top) hit on a deep layer's
 * grid drawn `renderedHeight` px tall: one row per filter, so the row under the pointer.
 */
export function filterAtRow(offsetY: number, renderedHeight: number, filters: number): number | null {
  if (!(renderedHeight > 0) || filters < 1 || offsetY < 0 || offsetY > renderedHeight) return null;
  return Math.min(filters - 1, Math.floor((offsetY / renderedHeight) * filters));
}

/** Display zooms of the filter image: fit the card, or the PNG's pixels times 1, 2 or 4 (scrolling). */
export const FILTER_VIEW_ZOOMS = ['fit', 1, 2, 4] as const;
export type TFilterViewZoom = (typeof FILTER_VIEW_ZOOMS)[number];
