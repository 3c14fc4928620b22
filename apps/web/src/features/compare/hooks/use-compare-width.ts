'use client';

import { useLayoutEffect, useState } from 'react';

/**
 * The width of an element, rounded down to `step` px so a scrollbar appearing or a small resize
 * doesn't change what depends on it (the server's bucket count, hence a refetch). null until
 * measured. A callback ref: the element may mount later than the component (after the empty state).
 */
export function useCompareWidth<T extends HTMLElement>(step = 50): [(element: T | null) => void, number | null] {
  const [element, setElement] = useState<T | null>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (!element) return;
    const measure = (w: number) => {
      if (w > 0) setWidth(Math.max(step, Math.floor(w / step) * step));
    };
    measure(element.clientWidth);
    const observer = new ResizeObserver((entries) => measure(entries[0]?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, step]);
  return [setElement, width];
}
