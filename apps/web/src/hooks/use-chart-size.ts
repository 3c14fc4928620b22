'use client';

import { useCallback, useEffect, useState } from 'react';
import { CHART_SIZE_STORAGE_KEY, parseChartSize, type TChartSize } from '../lib/chart-size';

/** The page's chart size (S/M/L), remembered in localStorage; M until the stored choice is read after mount. */
export function useChartSize(): [TChartSize, (size: TChartSize) => void] {
  const [size, setSize] = useState<TChartSize>('M');
  useEffect(() => {
    try {
      setSize(parseChartSize(localStorage.getItem(CHART_SIZE_STORAGE_KEY)));
    } catch {
      // No storage: M.
    }
  }, []);
  const choose = useCallback((next: TChartSize) => {
    setSize(next);
    try {
      localStorage.setItem(CHART_SIZE_STORAGE_KEY, next);
    } catch {
      // The choice holds for this page only.
    }
  }, []);
  return [size, choose];
}
