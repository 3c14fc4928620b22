import type { TPlane, TVisualImage } from './visual.types';

/** max over channels of |v| at each pixel: how a gradient image becomes one saliency value per pixel (Simonyan et al. 2014). */
export function maxAbsOverChannels(image: TVisualImage): TPlane {
  const [h, w, c] = image.shape;
  const data = new Float32Array(h * w);
  for (let p = 0; p < h * w; p++) {
    let m = 0;
    for (let ch = 0; ch < c; ch++) m = Math.max(m, Math.abs(image.data[p * c + ch] as number));
    data[p] = m;
  }
  return { height: h, width: w, data };
}
