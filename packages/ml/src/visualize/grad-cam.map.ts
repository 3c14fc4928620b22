import * as tf from '@tensorflow/tfjs';
import { classScore, targetClass } from './class-score.compute';
import { imageTensor } from './dataset-image.select';
import { readLayerSpecs } from './layer-specs.read';
import { runLayers } from './layers.forward';
import { checkImage, requireSpatialLayer } from './visual-input.check';
import type { TPlane, TVisualImage } from './visual.types';

export interface TGradCam {
  layerName: string;
  classIndex: number;
  /** α_k: the gradient of the class score w.r.t. feature map k, averaged over its positions. */
  weights: Float32Array;
  /** ReLU(Σ_k α_k A_k) on the layer's grid. */
  cam: TPlane;
  /** `cam` resized bilinearly to the input's height × width (half-pixel centres: cells line up with the pixels they cover). */
  heatmap: TPlane;
}

/**
 * Grad-CAM (Selvaraju et al. 2017) at layer `layerName` (any layer with feature maps: conv
 * or pool): weights are the global-average-pooled gradients of the class score (logit)
 * w.r.t. the layer's output; the map is the ReLU of the feature maps' weighted sum,
 * upsampled to the input size. `classIndex` defaults to the predicted class.
 */
export async function gradCam(model: tf.LayersModel, image: TVisualImage, layerName: string, classIndex?: number): Promise<TGradCam> {
  const specs = readLayerSpecs(model);
  const spec = requireSpatialLayer(specs, layerName);
  checkImage(model, image);
  const [h, w] = spec.outShape;
  const [ih, iw] = image.shape;
  const x = imageTensor(image);
  let target: number;
  let parts: tf.Tensor[];
  try {
    target = await targetClass(specs, x, classIndex);
    parts = tf.tidy(() => {
      const a = runLayers(specs, x, 0, spec.index);
      const grads = tf.grad((features: tf.Tensor) => classScore(specs, features, target, spec.index + 1, { switchPools: true }))(a);
      const alpha = tf.mean(grads, [0, 1, 2]);
      const cam = tf.relu(tf.sum(tf.mul(a, alpha), -1));
      const up = tf.image.resizeBilinear(tf.reshape(cam, [1, h, w, 1]) as tf.Tensor4D, [ih, iw], false, true);
      return [alpha, cam, up];
    });
  } finally {
    x.dispose();
  }
  try {
    const [alpha, cam, up] = await Promise.all(parts.map((t) => t.data<'float32'>()));
    return {
      layerName,
      classIndex: target,
      weights: new Float32Array(alpha as Float32Array),
      cam: { height: h, width: w, data: new Float32Array(cam as Float32Array) },
      heatmap: { height: ih, width: iw, data: new Float32Array(up as Float32Array) },
    };
  } finally {
    tf.dispose(parts);
  }
}
