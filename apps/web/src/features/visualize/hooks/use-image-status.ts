'use client';

import { useEffect, useState } from 'react';
import { imageStatus, preloadImage, type TImageStatus } from '../lib/image-preload';

/** Whether `url` has loaded (one shared load per page); null url: nothing to load. */
export function useImageStatus(url: string | null): TImageStatus | null {
  const [status, setStatus] = useState<{ url: string; status: TImageStatus } | null>(null);
  useEffect(() => {
    if (url === null) return;
    let live = true;
    preloadImage(url).then(
      () => live && setStatus({ url, status: 'loaded' }),
      () => live && setStatus({ url, status: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [url]);
  if (url === null) return null;
  return status?.url === url ? status.status : imageStatus(url);
}
