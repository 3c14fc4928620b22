'use client';

import { useState } from 'react';

/**
 * A small visualization PNG drawn magnified with hard pixel edges, in a square box of `size`
 * CSS pixels fixed before it loads (no layout jumps; lazy loading can tell what is on screen).
 * The PNGs are immutable per URL, so a plain <img> and the browser's HTTP cache are enough.
 */
export function PixelImage({
  src,
  alt,
  size,
  testId,
  lazy = true,
  height = size,
}: {
  src: string;
  alt: string;
  size: number;
  /** A box of size × height instead (stretched, still pixel-exact): heat-maps of steps × units. */
  height?: number;
  testId?: string;
  lazy?: boolean;
}) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  if (failedSrc === src) {
    // An <img> can't say why it failed; a marked empty box keeps the grid aligned.
    return (
      <span
        className="pixel-image pixel-image--missing"
        style={{ width: size, height }}
        title={`${alt}: image not available`}
        role="img"
        aria-label={`${alt} (not available)`}
      >
        ?
      </span>
    );
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- the API serves this PNG only with the viewer's session cookie, which next/image's server-side optimiser lacks; it would also resample exact pixels
    <img
      className="pixel-image"
      data-testid={testId}
      src={src}
      alt={alt}
      width={size}
      height={height}
      loading={lazy ? 'lazy' : 'eager'}
      decoding="async"
      onError={() => setFailedSrc(src)}
    />
  );
}
