'use client';

import { useEffect, useState } from 'react';

/**
 * Becomes true once `ready` has been true for one painted frame, and stays true. Work that can
 * wait (secondary requests, the renders their answers cause) then never delays that frame.
 */
export function useCompareAfterPaint(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (after || !ready) return;
    // The frame after this commit paints; the timeout runs once that paint is done.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setAfter(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [after, ready]);
  return after;
}
