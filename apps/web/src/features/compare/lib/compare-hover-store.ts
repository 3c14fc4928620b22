/*
 * Where the cursor is on the comparison charts. It changes on every mouse move, so it lives in a
 * tiny external store the legend subscribes to, not in React state of the page: hovering redraws
 * the legend only, never the charts.
 */

export interface THover {
  tag: string;
  x: number;
}

export interface THoverStore {
  get(): THover | null;
  set(hover: THover | null): void;
  subscribe(listener: () => void): () => void;
}

export function createHoverStore(): THoverStore {
  let current: THover | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(hover) {
      if (hover === current || (hover && current && hover.tag === current.tag && hover.x === current.x)) return;
      current = hover;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
