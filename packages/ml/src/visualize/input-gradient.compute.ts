import * as tf from '@tensorflow/tfjs';
import { classScore } from './class-score.compute';
import { imageTensor } from './dataset-image.select';
import type { TLayerSpec } from './layer-specs.read';
import type { ForwardMode } from './layers.forward';
import type { TVisualImage } from './visual.types';

/** d score(classIndex) / d input for one image, [h, w, c]; `mode.guided` swaps every ReLU's backward pass for guided backprop's. */
export async function inputGradient(
  specs: readonly TLayerSpec[],
  image: TVisualImage,
  classIndex: number,
  mode: ForwardMode = {},
): Promise<TVisualImage> {
  const gradient = tf.tidy(() => {
    const x = imageTensor(image);
    return tf.grad((input: tf.Tensor) => classScore(specs, input, classIndex, 0, { ...mode, switchPools: true }))(x);
  });
  try {
    return { shape: [...image.shape], data: new Float32Array(await gradient.data<'float32'>()) };
  } finally {
    gradient.dispose();
  }
}
