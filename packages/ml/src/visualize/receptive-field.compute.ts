import type { TLayerSpec } from './layer-specs.read';
import type { TGridPosition, TPixelBox } from './visual.types';

/**
 * The input pixels that output (y, x) of layer `layerIndex` depends on: going down, a
 * window layer maps output rows lo … hi to input rows lo·s − pad … hi·s − pad + (k − 1)·d.
 * Each step is clipped to that layer's input, since padding contributes nothing. Layers
 * that keep positions (activations, dropout) pass the range through. Flat layers have no
 * receptive field: the caller only asks for conv and pool layers.
 */
export function receptiveField(specs: readonly TLayerSpec[], layerIndex: number, at: TGridPosition): TPixelBox {
  let top = at.y;
  let bottom = at.y;
  let left = at.x;
  let right = at.x;
  for (let i = layerIndex; i >= 0; i--) {
    const spec = specs[i];
    if (spec === undefined) throw new Error(`no layer ${i}`);
    if (spec.kind === 'conv2d' || spec.kind === 'maxPool2d') {
      const { size, strides, dilation, padTop, padLeft } = spec.geometry;
      const [h = 1, w = 1] = spec.inShape ?? [];
      top = Math.max(0, top * strides[0] - padTop);
      bottom = Math.min(h - 1, bottom * strides[0] - padTop + (size[0] - 1) * dilation[0]);
      left = Math.max(0, left * strides[1] - padLeft);
      right = Math.min(w - 1, right * strides[1] - padLeft + (size[1] - 1) * dilation[1]);
    } else if (spec.kind !== 'activation' && spec.kind !== 'identity') {
      throw new Error(`layer ${spec.name} does not keep positions; no receptive field through it`);
    }
  }
  return { top, left, height: bottom - top + 1, width: right - left + 1 };
}
