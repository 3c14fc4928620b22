import type * as tf from '@tensorflow/tfjs';
import { InspectInputError } from '../inspect/inspect-input.error';
import { modelInputShape, type TLayerSpec } from './layer-specs.read';
import type { TGridPosition, TVisualImage } from './visual.types';

/**
 * Input checks shared by every visualisation: each failure is the caller's mistake (a 4xx),
 * so each throws InspectInputError with a message that says what would have been valid.
 */

const names = (specs: readonly TLayerSpec[]) => specs.map((s) => s.name).join(', ');

export function findLayer(specs: readonly TLayerSpec[], layerName: string): TLayerSpec {
  const spec = specs.find((s) => s.name === layerName);
  if (spec === undefined) throw new InspectInputError(`model has no layer '${layerName}' (layers: ${names(specs)})`);
  return spec;
}

/** A conv2d layer this module can compute with by hand (channels-last, 'same' or 'valid' padding). */
export function requireConvLayer(specs: readonly TLayerSpec[], layerName: string): Extract<TLayerSpec, { kind: 'conv2d' }> {
  const spec = findLayer(specs, layerName);
  if (spec.kind === 'conv2d') return spec;
  const convs = specs.filter((s) => s.kind === 'conv2d').map((s) => s.name);
  const what = spec.kind === 'other' ? spec.className : spec.layer.getClassName();
  const detail =
    spec.kind === 'other' && spec.className === 'Conv2D'
      ? ' with options these visualisations do not support (channels-first data or explicit padding)'
      : '';
  throw new InspectInputError(
    `layer '${layerName}' is a ${what}${detail}, not a conv layer (conv layers: ${convs.length > 0 ? convs.join(', ') : 'none'})`,
  );
}

/** A layer whose per-image output is a stack of feature maps [h, w, c] (conv, pool). */
export function requireSpatialLayer(specs: readonly TLayerSpec[], layerName: string): TLayerSpec & { outShape: [number, number, number] } {
  const spec = findLayer(specs, layerName);
  if (spec.outShape?.length !== 3) {
    const spatial = specs.filter((s) => s.outShape?.length === 3).map((s) => s.name);
    throw new InspectInputError(
      `layer '${layerName}' outputs [${spec.outShape?.join(', ') ?? '?'}], not feature maps [h, w, c] (layers with feature maps: ${spatial.length > 0 ? spatial.join(', ') : 'none'})`,
    );
  }
  return spec as TLayerSpec & { outShape: [number, number, number] };
}

/** The image must have exactly the model's input shape and finite values. */
export function checkImage(model: tf.LayersModel, image: TVisualImage): void {
  const want = modelInputShape(model);
  if (image.shape.length !== want.length || image.shape.some((d, i) => d !== want[i])) {
    throw new InspectInputError(`image is [${image.shape.join(', ')}], the model takes [${want.join(', ')}]`);
  }
  const size = want.reduce((a, b) => a * b, 1);
  if (image.data.length !== size)
    throw new InspectInputError(`image of shape [${image.shape.join(', ')}] needs ${size} values, got ${image.data.length}`);
  for (let i = 0; i < size; i++) {
    if (!Number.isFinite(image.data[i])) throw new InspectInputError(`image value ${i} is ${image.data[i]}; images must be finite`);
  }
}

export function checkIntegerIn(what: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new InspectInputError(`${what} must be an integer from ${min} to ${max}, got ${value}`);
}

export function checkFeatureMap(spec: TLayerSpec & { outShape: [number, number, number] }, featureMap: number): void {
  checkIntegerIn(`feature map of layer '${spec.name}'`, featureMap, 0, spec.outShape[2] - 1);
}

export function checkPosition(spec: TLayerSpec & { outShape: [number, number, number] }, at: TGridPosition): void {
  const [h, w] = spec.outShape;
  checkIntegerIn(`row (y) in layer '${spec.name}'`, at.y, 0, h - 1);
  checkIntegerIn(`column (x) in layer '${spec.name}'`, at.x, 0, w - 1);
}

/** The number of classes: the last layer's output must be flat [classes]. */
export function classCount(specs: readonly TLayerSpec[]): number {
  const last = specs[specs.length - 1];
  const [n, ...rest] = last?.outShape ?? [];
  if (n === undefined || rest.length > 0)
    throw new InspectInputError(`the model's output is [${last?.outShape?.join(', ') ?? '?'}], not one score per class`);
  return n;
}

export function checkClassIndex(specs: readonly TLayerSpec[], classIndex: number): void {
  checkIntegerIn('class', classIndex, 0, classCount(specs) - 1);
}
