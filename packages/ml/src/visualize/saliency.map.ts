import type * as tf from '@tensorflow/tfjs';
import { targetClass } from './class-score.compute';
import { imageTensor } from './dataset-image.select';
import { inputGradient } from './input-gradient.compute';
import { readLayerSpecs } from './layer-specs.read';
import { maxAbsOverChannels } from './plane.reduce';
import { checkImage } from './visual-input.check';
import type { TPlane, TVisualImage } from './visual.types';

export interface TGradientMap {
  classIndex: number;
  /** The (guided) gradient of the class score w.r.t. the standardised input, [h, w, c], signed. */
  gradient: TVisualImage;
  /** max over channels of |gradient|: one value per pixel, for a heat-map. */
  saliency: TPlane;
}

async function withClass(model: tf.LayersModel, image: TVisualImage, classIndex: number | undefined) {
  const specs = readLayerSpecs(model);
  checkImage(model, image);
  const x = imageTensor(image);
  try {
    return { specs, classIndex: await targetClass(specs, x, classIndex) };
  } finally {
    x.dispose();
  }
}

/**
 * Vanilla gradient saliency (Simonyan et al. 2014): |d class score / d input|, max over
 * channels. The score is the logit; `classIndex` defaults to the predicted class.
 */
export async function saliencyMap(model: tf.LayersModel, image: TVisualImage, classIndex?: number): Promise<TGradientMap> {
  const target = await withClass(model, image, classIndex);
  const gradient = await inputGradient(target.specs, image, target.classIndex);
  return { classIndex: target.classIndex, gradient, saliency: maxAbsOverChannels(gradient) };
}

/**
 * Guided backpropagation (Springenberg et al. 2015): the same gradient, except that every
 * ReLU passes back only positive gradients, and only where its forward input was positive
 * (the deconvnet's rule combined with backprop's). Render `gradient` centred at grey, as a
 * deconv projection.
 */
export async function guidedBackprop(model: tf.LayersModel, image: TVisualImage, classIndex?: number): Promise<TGradientMap> {
  const target = await withClass(model, image, classIndex);
  const gradient = await inputGradient(target.specs, image, target.classIndex, { guided: true });
  return { classIndex: target.classIndex, gradient, saliency: maxAbsOverChannels(gradient) };
}
