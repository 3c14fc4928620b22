/** Mistakes shown per gallery page: four rows of a typical width, each image still clickable. */
export const MISTAKES_PER_PAGE = 40;

/** Page `page` (0-based, clamped into range) of `items`, where it starts, and how many pages there are (at least 1). */
export function pageOf<T>(
  items: readonly T[],
  page: number,
  size = MISTAKES_PER_PAGE,
): { items: T[]; page: number; pages: number; start: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const at = Math.min(Math.max(0, Math.trunc(page)), pages - 1);
  return { items: items.slice(at * size, (at + 1) * size), page: at, pages, start: at * size };
}

/** The run page's Visualize tab with test image `image` opened at snapshot `step` (read by the Visualize panel). */
export function visualizeImageHref(runId: string, step: number, image: number): string {
  const qs = new URLSearchParams({ tab: 'visualize', step: String(step), image: String(image) });
  return `/runs/${encodeURIComponent(runId)}?${qs.toString()}`;
}
