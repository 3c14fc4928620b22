import * as tf from '@tensorflow/tfjs';
import { InspectInputError } from '../inspect/inspect-input.error';

/** How a window (conv kernel or pooling window) sits on a layer's input: output (oy, ox) reads rows oy·stride − padTop + i·dilation, i < size. */
export interface TWindowGeometry {
  size: [number, number];
  strides: [number, number];
  dilation: [number, number];
  padTop: number;
  padLeft: number;
}

interface SpecBase {
  layer: tf.layers.Layer;
  name: string;
  index: number;
  /** Per-image input and output shapes (no batch axis); null where the shape is not one plain array. */
  inShape: number[] | null;
  outShape: number[] | null;
}

/**
 * What the visualisations need to know of one layer of a Sequential model. Everything they
 * compute by hand (deconvnet, receptive fields, ReLU splits) is read from here, so a layer
 * kind or option they do not understand ends up as `other` and is refused, never
 * silently mis-handled.
 */
export type TLayerSpec =
  | (SpecBase & { kind: 'conv2d'; geometry: TWindowGeometry; padding: 'same' | 'valid'; activation: string; useBias: boolean })
  | (SpecBase & { kind: 'maxPool2d'; geometry: TWindowGeometry; padding: 'same' | 'valid' })
  | (SpecBase & { kind: 'activation'; activation: string })
  | (SpecBase & { kind: 'dense'; activation: string; useBias: boolean })
  /** Identity at inference (Dropout and its kin). */
  | (SpecBase & { kind: 'identity' })
  | (SpecBase & { kind: 'flatten' })
  | (SpecBase & { kind: 'other'; className: string });

const INFERENCE_IDENTITY = new Set(['Dropout', 'SpatialDropout1D', 'SpatialDropout2D', 'GaussianNoise', 'GaussianDropout', 'AlphaDropout']);

function perImage(shape: unknown): number[] | null {
  if (!Array.isArray(shape) || shape.length === 0 || Array.isArray(shape[0])) return null;
  const rest = shape.slice(1);
  return rest.every((d): d is number => typeof d === 'number') ? rest : null;
}

function pairOf(v: unknown): [number, number] | null {
  if (typeof v === 'number') return [v, v];
  if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number') return [v[0], v[1]];
  return null;
}

function geometryOf(
  inShape: number[] | null,
  size: [number, number],
  strides: [number, number],
  dilation: [number, number],
  padding: 'same' | 'valid',
  isPool: boolean,
): TWindowGeometry | null {
  const [h, w, c] = inShape ?? [];
  if (inShape?.length !== 3 || h === undefined || w === undefined || c === undefined) return null;
  // TF's own padding arithmetic, so the geometry is exactly what the forward kernels used.
  const info = isPool
    ? tf.backend_util.computePool2DInfo([1, h, w, c], size, strides, dilation, padding)
    : tf.backend_util.computeConv2DInfo([1, h, w, c], [size[0], size[1], c, 1], strides, dilation, padding);
  return { size, strides, dilation, padTop: info.padInfo.top, padLeft: info.padInfo.left };
}

function specOf(layer: tf.layers.Layer, index: number, inShape: number[] | null): TLayerSpec {
  const base: SpecBase = { layer, name: layer.name, index, inShape, outShape: perImage(layer.outputShape) };
  const className = layer.getClassName();
  const config = layer.getConfig() as Record<string, unknown>;
  const other = (): TLayerSpec => ({ ...base, kind: 'other', className });
  const padding = config['padding'];
  const channelsLast = config['dataFormat'] === undefined || config['dataFormat'] === 'channelsLast';
  switch (className) {
    case 'Conv2D': {
      const size = pairOf(config['kernelSize']);
      const strides = pairOf(config['strides']);
      const dilation = pairOf(config['dilationRate']);
      if (!size || !strides || !dilation || !channelsLast || (padding !== 'same' && padding !== 'valid')) return other();
      const geometry = geometryOf(inShape, size, strides, dilation, padding, false);
      if (!geometry) return other();
      return {
        ...base,
        kind: 'conv2d',
        geometry,
        padding,
        activation: String(config['activation'] ?? 'linear'),
        useBias: config['useBias'] !== false,
      };
    }
    case 'MaxPooling2D': {
      const size = pairOf(config['poolSize']);
      const strides = pairOf(config['strides'] ?? config['poolSize']);
      if (!size || !strides || !channelsLast || (padding !== 'same' && padding !== 'valid')) return other();
      const geometry = geometryOf(inShape, size, strides, [1, 1], padding, true);
      if (!geometry) return other();
      return { ...base, kind: 'maxPool2d', geometry, padding };
    }
    case 'Activation':
      return { ...base, kind: 'activation', activation: String(config['activation']) };
    case 'ReLU':
      // The ReLU layer is a plain rectifier only without its options.
      return config['maxValue'] === undefined || config['maxValue'] === null
        ? { ...base, kind: 'activation', activation: 'relu' }
        : other();
    case 'Dense':
      return { ...base, kind: 'dense', activation: String(config['activation'] ?? 'linear'), useBias: config['useBias'] !== false };
    case 'Flatten':
      return { ...base, kind: 'flatten' };
    default:
      return INFERENCE_IDENTITY.has(className) ? { ...base, kind: 'identity' } : other();
  }
}

/** The model's layers as specs, in order. Only Sequential models: their layers form a chain, so layer i's input is layer i − 1's output. */
export function readLayerSpecs(model: tf.LayersModel): TLayerSpec[] {
  if (!(model instanceof tf.Sequential)) throw new InspectInputError('these visualisations need a Sequential model (a chain of layers)');
  let inShape = perImage(model.inputs[0]?.shape);
  return model.layers.map((layer, index) => {
    const spec = specOf(layer, index, inShape);
    inShape = spec.outShape;
    return spec;
  });
}

/** The per-image input shape of the model ([h, w, c] for an image model). */
export function modelInputShape(model: tf.LayersModel): number[] {
  const shape = perImage(model.inputs[0]?.shape);
  if (shape === null) throw new InspectInputError('the model has no single fixed-size input');
  return shape;
}

/** The activation a layer applies last: relu, linear, softmax …; null for layers that have none. */
export function activationName(spec: TLayerSpec): string | null {
  return spec.kind === 'conv2d' || spec.kind === 'dense' || spec.kind === 'activation' ? spec.activation : null;
}
