'use client';

import { useCallback, useEffect, useState } from 'react';
import { RUN_COLUMNS_STORAGE_KEY, columnsFromStorage, type TExtraColumn } from '../lib/run-extra-columns';

/** The run list's extra columns, remembered in localStorage (a per-browser view choice, like the chart size). */
export function useRunColumns(): [TExtraColumn[], (ids: string[]) => void] {
  const [columns, setColumns] = useState<TExtraColumn[]>([]);
  useEffect(() => {
    try {
      setColumns(columnsFromStorage(localStorage.getItem(RUN_COLUMNS_STORAGE_KEY)));
    } catch {
      // No storage: none.
    }
  }, []);
  const choose = useCallback((ids: string[]) => {
    const stored = JSON.stringify(ids);
    setColumns(columnsFromStorage(stored));
    try {
      localStorage.setItem(RUN_COLUMNS_STORAGE_KEY, stored);
    } catch {
      // The choice holds for this page only.
    }
  }, []);
  return [columns, choose];
}
