/*
 * Loads an image once per page, however many components draw from it (every cell of a top-9 grid
 * draws from the same sprite): the status each asks for is the one shared load's.
 */

export type TImageStatus = 'loading' | 'loaded' | 'failed';

const loads = new Map<string, Promise<void>>();
const settled = new Map<string, TImageStatus>();

/** Starts (or joins) the load of `url`; resolves when it is in the browser's cache, rejects when it failed. */
export function preloadImage(url: string): Promise<void> {
  let load = loads.get(url);
  if (!load) {
    load = new Promise<void>((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve();
      img.onerror = () => reject(new Error(`could not load ${url}`));
      img.src = url;
    });
    load.then(
      () => settled.set(url, 'loaded'),
      () => {
        settled.set(url, 'failed');
        // A later mount may try again (the API may have been away).
        loads.delete(url);
      },
    );
    loads.set(url, load);
  }
  return load;
}

/** What is known of `url` without waiting: a finished load's outcome, else loading. */
export function imageStatus(url: string): TImageStatus {
  return settled.get(url) ?? 'loading';
}
