import * as tf from '@tensorflow/tfjs';
import { InspectInputError } from '../inspect/inspect-input.error';
import { imageTensor } from './dataset-image.select';
import { readLayerSpecs, type TLayerSpec } from './layer-specs.read';
import { poolSwitches, unpool } from './pool-switches.compute';
import { receptiveField } from './receptive-field.compute';
import { rectifiedIndex } from './rectified-layer.find';
import { checkFeatureMap, checkImage, checkPosition, requireConvLayer } from './visual-input.check';
import type { TGridPosition, TPixelBox, TVisualImage } from './visual.types';

export interface DeconvOptions {
  /**
   * Which activations of the feature map go down: 'strongest' (default: only its single
   * largest activation, as the paper's top-activation figures), 'map' (the whole map), or
   * one position {y, x} of the layer's output grid.
   */
  keep?: 'strongest' | 'map' | TGridPosition;
}

export interface TDeconvProjection {
  layerName: string;
  featureMap: number;
  /** The activation the projection is centred on: the strongest one (also with keep 'map'), or the position asked for. */
  position: TGridPosition;
  /** Its value (after the layer's ReLU). 0 or less: the map is silent on this image and the projection is all zeros. */
  activation: number;
  /** The input pixels that activation sees (its receptive field, clipped to the image): the patch to crop. */
  box: TPixelBox;
  /** The reconstruction in pixel space, [h, w, c] like the input (standardised units, not bytes). */
  projection: TVisualImage;
}

/** The deconvnet exists for layers it knows how to invert; anything else below the chosen layer is refused. */
function checkInvertible(specs: readonly TLayerSpec[], top: number): void {
  for (let i = 0; i <= top; i++) {
    const spec = specs[i] as TLayerSpec;
    const refuse = (why: string) => {
      throw new InspectInputError(`the deconvnet cannot go back through layer '${spec.name}': ${why}`);
    };
    if (spec.kind === 'conv2d') {
      if (spec.activation !== 'relu' && spec.activation !== 'linear') refuse(`its activation is ${spec.activation} (only relu or linear)`);
      if (spec.geometry.dilation.some((d) => d !== 1)) refuse('it is a dilated convolution');
    } else if (spec.kind === 'activation') {
      if (spec.activation !== 'relu' && spec.activation !== 'linear') refuse(`its activation is ${spec.activation} (only relu or linear)`);
    } else if (spec.kind !== 'maxPool2d' && spec.kind !== 'identity') {
      refuse(`it is a ${spec.layer.getClassName()} (only conv2d, max-pooling, ReLU and dropout layers)`);
    }
  }
}

function argmaxOfChannel(data: Float32Array, shape: readonly number[], channel: number): TGridPosition {
  const [h = 0, w = 0, c = 0] = shape;
  let best = 0;
  for (let p = 1; p < h * w; p++) if ((data[p * c + channel] as number) > (data[best * c + channel] as number)) best = p;
  return { y: Math.floor(best / w), x: best % w };
}

function rectify(signal: Float32Array): void {
  for (let i = 0; i < signal.length; i++) if ((signal[i] as number) < 0) signal[i] = 0;
}

/** The conv layer's filters used backwards: conv2d_transpose with its kernel (the gradient of conv2d w.r.t. its input); no bias. */
async function filterDown(spec: TLayerSpec & { kind: 'conv2d' }, signal: Float32Array): Promise<Float32Array> {
  const [oh = 0, ow = 0, oc = 0] = spec.outShape ?? [];
  const [h = 0, w = 0, c = 0] = spec.inShape ?? [];
  const kernel = spec.layer.getWeights()[0] as tf.Tensor4D;
  const down = tf.tidy(() =>
    tf.conv2dTranspose(tf.tensor4d(signal, [1, oh, ow, oc]), kernel, [1, h, w, c], spec.geometry.strides, spec.padding),
  );
  try {
    return new Float32Array(await down.data<'float32'>());
  } finally {
    down.dispose();
  }
}

/**
 * Zeiler & Fergus (2014) deconvnet projection of feature map `featureMap` of conv layer
 * `layerName` for one standardised image. Forward pass in inference mode, recording every
 * max-pool's switches; at the layer, every activation but the chosen one(s) of that map is
 * zeroed; then down, layer by layer: unpool by the switches, rectify, filter with the
 * transposed learned filters (no bias), to pixel space. Async: it reads tensors back.
 */
export async function deconvProject(
  model: tf.LayersModel,
  image: TVisualImage,
  layerName: string,
  featureMap: number,
  opts: DeconvOptions = {},
): Promise<TDeconvProjection> {
  const specs = readLayerSpecs(model);
  const conv = requireConvLayer(specs, layerName);
  checkImage(model, image);
  const convOut = conv.outShape as [number, number, number];
  checkFeatureMap({ ...conv, outShape: convOut }, featureMap);
  const keep = opts.keep ?? 'strongest';
  if (typeof keep === 'object') checkPosition({ ...conv, outShape: convOut }, keep);
  else if (keep !== 'strongest' && keep !== 'map')
    throw new InspectInputError(`keep must be 'strongest', 'map' or a position {y, x}, got ${String(keep)}`);
  const top = rectifiedIndex(specs, conv);
  checkInvertible(specs, top);

  // Forward, one layer at a time, keeping only what the way down needs: switches and the top output.
  const switches = new Map<number, Int32Array>();
  let topData: Float32Array | undefined;
  let x: tf.Tensor = imageTensor(image);
  try {
    for (let i = 0; i <= top; i++) {
      const spec = specs[i] as TLayerSpec;
      if (spec.kind === 'maxPool2d') {
        switches.set(i, poolSwitches(await x.data<'float32'>(), spec.inShape ?? [], spec.outShape ?? [], spec.geometry));
      }
      const input = x;
      x = tf.tidy(() => spec.layer.apply(input, { training: false }) as tf.Tensor);
      input.dispose();
    }
    topData = new Float32Array(await x.data<'float32'>());
  } finally {
    x.dispose();
  }

  // Keep only the chosen activation(s) of the one feature map.
  const [oh, ow, oc] = convOut;
  const position = typeof keep === 'object' ? { y: keep.y, x: keep.x } : argmaxOfChannel(topData, convOut, featureMap);
  const activation = topData[(position.y * ow + position.x) * oc + featureMap] as number;
  let signal: Float32Array = new Float32Array(oh * ow * oc);
  if (keep === 'map') {
    for (let p = 0; p < oh * ow; p++) signal[p * oc + featureMap] = topData[p * oc + featureMap] as number;
  } else {
    signal[(position.y * ow + position.x) * oc + featureMap] = activation;
  }

  // Down to pixels: the deconvnet layer of each forward layer, in reverse.
  for (let i = top; i >= 0; i--) {
    const spec = specs[i] as TLayerSpec;
    if (spec.kind === 'maxPool2d') {
      const size = (spec.inShape ?? []).reduce((a, b) => a * b, 1);
      signal = unpool(signal, switches.get(i) as Int32Array, size);
    } else if (spec.kind === 'activation') {
      if (spec.activation === 'relu') rectify(signal);
    } else if (spec.kind === 'conv2d') {
      if (spec.activation === 'relu') rectify(signal);
      signal = await filterDown(spec, signal);
    }
  }

  return {
    layerName,
    featureMap,
    position,
    activation,
    box: receptiveField(specs, top, position),
    projection: { shape: [...image.shape], data: signal },
  };
}
