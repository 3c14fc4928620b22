import type { CSSProperties } from 'react';
import { apiUrl } from '../lib/api-client';

/**
 * An image the API serves (a PNG of weights, activations, samples): a plain <img> of its URL,
 * drawn pixel for pixel when scaled.
 */
export function ApiImage(props: { path: string; alt: string; testId?: string; className?: string; style?: CSSProperties }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- the API serves these PNGs only with the viewer's session cookie, which next/image's server-side optimiser lacks; it would also resample exact pixels
    <img src={apiUrl(props.path)} alt={props.alt} data-testid={props.testId} className={props.className} style={props.style} />
  );
}
