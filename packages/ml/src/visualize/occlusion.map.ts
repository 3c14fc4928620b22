import * as tf from '@tensorflow/tfjs';
import { InspectInputError } from '../inspect/inspect-input.error';
import { readLayerSpecs, type TLayerSpec } from './layer-specs.read';
import { runLayers } from './layers.forward';
import { checkClassIndex, checkFeatureMap, checkImage, checkIntegerIn, requireSpatialLayer } from './visual-input.check';
import type { TPixelBox, TPlane, TVisualImage } from './visual.types';

export interface OcclusionOptions {
  /** Side of the square, in pixels: 1 … min(height, width). */
  size: number;
  /** Pixels between square positions: 1 … size (a larger stride would leave pixels never covered). */
  stride: number;
  /** The image's label: the map records this class's probability. */
  trueClass: number;
  /**
   * What the square is filled with, in standardised units: one value, or one per channel.
   * Default 0: after standardisation that is the training set's mean, the paper's grey.
   */
  fill?: number | readonly number[];
  /** Layer whose feature map is watched (any layer with feature maps); default the last conv layer. */
  layerName?: string;
  /** Which of its maps; default the one whose largest activation on the unoccluded image is largest. */
  featureMap?: number;
  /** Occluded images per forward pass (default 128). */
  batchSize?: number;
}

export interface TOcclusionRecord {
  /** softmax probability of trueClass. */
  probability: number;
  /** The watched feature map's total activation (sum over its positions). */
  activation: number;
  /** The most probable class and its probability. */
  topClass: number;
  topProbability: number;
}

export interface TOcclusionMap {
  size: number;
  stride: number;
  trueClass: number;
  layerName: string;
  featureMap: number;
  /**
   * The grid of square positions: ⌈height / stride⌉ × ⌈width / stride⌉. Cell (r, c) stands for
   * the pixel block rows r·stride … r·stride + stride − 1 (likewise columns), and its square
   * is centred on that block (see occluderBox), clipped at the image's edges. The cells tile
   * the image, so drawing a map over it is a nearest-neighbour upscale by `stride`.
   */
  rows: number;
  cols: number;
  /** Per cell, row-major (as TPlane, rows × cols). */
  probability: TPlane;
  activation: TPlane;
  topProbability: TPlane;
  /** Per cell, row-major: the most probable class. */
  topClass: Int32Array;
  /** The same four numbers for the unoccluded image. */
  baseline: TOcclusionRecord;
}

/** The square of cell (r, c): centred on the cell's pixel block, clipped to the image. */
export function occluderBox(r: number, c: number, size: number, stride: number, height: number, width: number): TPixelBox {
  const offset = Math.floor((stride - size) / 2);
  const top = r * stride + offset;
  const left = c * stride + offset;
  const t = Math.max(0, top);
  const l = Math.max(0, left);
  return { top: t, left: l, height: Math.min(height, top + size) - t, width: Math.min(width, left + size) - l };
}

function defaultLayer(specs: readonly TLayerSpec[]): string {
  const convs = specs.filter((s) => s.kind === 'conv2d');
  const spatial = specs.filter((s) => s.outShape?.length === 3);
  const last = convs[convs.length - 1] ?? spatial[spatial.length - 1];
  if (last === undefined) throw new InspectInputError('the model has no layer with feature maps to watch');
  return last.name;
}

function fillValues(fill: number | readonly number[] | undefined, channels: number): Float32Array {
  const values = fill === undefined ? [0] : typeof fill === 'number' ? [fill] : [...fill];
  if (values.length !== 1 && values.length !== channels)
    throw new InspectInputError(`fill needs 1 or ${channels} values, got ${values.length}`);
  if (!values.every(Number.isFinite)) throw new InspectInputError(`fill values must be finite, got [${values.join(', ')}]`);
  return Float32Array.from({ length: channels }, (_, ch) => values[values.length === 1 ? 0 : ch] as number);
}

interface BatchResult {
  probability: Float32Array;
  topClass: Int32Array;
  topProbability: Float32Array;
  /** [b, maps]: each map's total activation, and its largest. */
  totals: Float32Array;
  maxima: Float32Array;
}

/** One forward pass over a batch: the watched layer's per-map totals and maxima, then the class probabilities. */
async function evaluate(specs: readonly TLayerSpec[], x: tf.Tensor4D, layerIndex: number, trueClass: number): Promise<BatchResult> {
  const parts = tf.tidy(() => {
    const a = runLayers(specs, x, 0, layerIndex);
    // logits: a model ending in softmax gets it once, here, not twice.
    const probs = tf.softmax(runLayers(specs, a, layerIndex + 1, specs.length - 1, { logits: true }));
    return [tf.slice(probs, [0, trueClass], [-1, 1]), tf.argMax(probs, 1), tf.max(probs, 1), tf.sum(a, [1, 2]), tf.max(a, [1, 2])];
  });
  try {
    const [p, top, topP, totals, maxima] = await Promise.all(parts.map((t) => t.data()));
    return {
      probability: p as Float32Array,
      topClass: top as Int32Array,
      topProbability: topP as Float32Array,
      totals: totals as Float32Array,
      maxima: maxima as Float32Array,
    };
  } finally {
    tf.dispose(parts);
  }
}

/**
 * Occlusion sensitivity (Zeiler & Fergus 2014, §4.2): a square of `fill` slides over the
 * image; for each position: (a) the probability of the true class, (b) the total activation
 * of one feature map of a layer (the strongest on the unoccluded image, unless given), and
 * (c) the most probable class. Occluded images go through the model in batches.
 */
export async function occlusionMap(model: tf.LayersModel, image: TVisualImage, opts: OcclusionOptions): Promise<TOcclusionMap> {
  const specs = readLayerSpecs(model);
  checkImage(model, image);
  const [height, width, channels] = image.shape;
  checkIntegerIn('occluder size', opts.size, 1, Math.min(height, width));
  checkIntegerIn('occluder stride', opts.stride, 1, opts.size);
  checkClassIndex(specs, opts.trueClass);
  const layer = requireSpatialLayer(specs, opts.layerName ?? defaultLayer(specs));
  if (opts.featureMap !== undefined) checkFeatureMap(layer, opts.featureMap);
  const batchSize = opts.batchSize ?? 128;
  checkIntegerIn('batch size', batchSize, 1, 4096);
  const fill = fillValues(opts.fill, channels);
  const maps = layer.outShape[2];

  const x0 = tf.tensor4d(image.data, [1, height, width, channels]);
  let base: BatchResult;
  try {
    base = await evaluate(specs, x0, layer.index, opts.trueClass);
  } finally {
    x0.dispose();
  }
  let featureMap = opts.featureMap ?? 0;
  if (opts.featureMap === undefined) {
    for (let k = 1; k < maps; k++) if ((base.maxima[k] as number) > (base.maxima[featureMap] as number)) featureMap = k;
  }

  const rows = Math.ceil(height / opts.stride);
  const cols = Math.ceil(width / opts.stride);
  const cells = rows * cols;
  const probability = new Float32Array(cells);
  const activation = new Float32Array(cells);
  const topProbability = new Float32Array(cells);
  const topClass = new Int32Array(cells);
  const pixels = height * width * channels;
  for (let start = 0; start < cells; start += batchSize) {
    const n = Math.min(batchSize, cells - start);
    const data = new Float32Array(n * pixels);
    for (let b = 0; b < n; b++) {
      data.set(image.data, b * pixels);
      const cell = start + b;
      const box = occluderBox(Math.floor(cell / cols), cell % cols, opts.size, opts.stride, height, width);
      for (let y = box.top; y < box.top + box.height; y++) {
        for (let x = box.left; x < box.left + box.width; x++) data.set(fill, b * pixels + (y * width + x) * channels);
      }
    }
    const x = tf.tensor4d(data, [n, height, width, channels]);
    let result: BatchResult;
    try {
      result = await evaluate(specs, x, layer.index, opts.trueClass);
    } finally {
      x.dispose();
    }
    for (let b = 0; b < n; b++) {
      probability[start + b] = result.probability[b] as number;
      topClass[start + b] = result.topClass[b] as number;
      topProbability[start + b] = result.topProbability[b] as number;
      activation[start + b] = result.totals[b * maps + featureMap] as number;
    }
  }

  const plane = (data: Float32Array): TPlane => ({ height: rows, width: cols, data });
  return {
    size: opts.size,
    stride: opts.stride,
    trueClass: opts.trueClass,
    layerName: layer.name,
    featureMap,
    rows,
    cols,
    probability: plane(probability),
    activation: plane(activation),
    topProbability: plane(topProbability),
    topClass,
    baseline: {
      probability: base.probability[0] as number,
      activation: base.totals[featureMap] as number,
      topClass: base.topClass[0] as number,
      topProbability: base.topProbability[0] as number,
    },
  };
}
