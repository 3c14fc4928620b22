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

/** `shape` is a conv kernel's [height, width, inputChannels, outputFilters]. */
export function filterZoom(shape: readonly number[]): number {
  const [h = 1, w = 1, inputs = 1, outputs = 1] = shape;
  const imageInput = inputs === 1 || inputs === 3;
  const cols = imageInput ? Math.ceil(Math.sqrt(outputs)) : inputs;
  const rows = imageInput ? Math.ceil(outputs / cols) : outputs;
  const zoom = Math.floor(Math.min(TARGET_WIDTH / (cols * w), TARGET_HEIGHT / (rows * h)));
  return Math.max(1, Math.min(MAX_ZOOM, zoom));
}
