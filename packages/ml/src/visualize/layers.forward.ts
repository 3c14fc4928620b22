import * as tf from '@tensorflow/tfjs';
import { InspectInputError } from '../inspect/inspect-input.error';
import { guidedRelu } from './guided-relu.op';
import type { TLayerSpec } from './layer-specs.read';
import { switchMaxPool } from './switch-max-pool.op';

export interface ForwardMode {
  /** Every ReLU (a conv/dense layer's activation or an Activation layer) backpropagates as guided backprop's. */
  guided?: boolean;
  /** A softmax on the model's last layer is left out, so the output is the class scores (logits) that saliency differentiates. */
  logits?: boolean;
  /** Max-pools backpropagate to their switches (switch-max-pool.op), not through the backend's MaxPoolGrad. */
  switchPools?: boolean;
}

/** What a conv2d / dense / Activation layer computes before its activation, from its own weights and config. */
function linearPart(spec: TLayerSpec, x: tf.Tensor): tf.Tensor {
  switch (spec.kind) {
    case 'conv2d': {
      const [kernel, bias] = spec.layer.getWeights();
      if (kernel === undefined) throw new Error(`layer ${spec.name} has no kernel`);
      const { strides, dilation } = spec.geometry;
      const y = tf.conv2d(x as tf.Tensor4D, kernel as tf.Tensor4D, strides, spec.padding, 'NHWC', dilation);
      return spec.useBias && bias !== undefined ? tf.add(y, bias) : y;
    }
    case 'dense': {
      const [kernel, bias] = spec.layer.getWeights();
      if (kernel === undefined) throw new Error(`layer ${spec.name} has no kernel`);
      if (x.rank !== 2)
        throw new InspectInputError(`dense layer ${spec.name} gets a rank-${x.rank} input; only flat inputs are supported here`);
      const y = tf.matMul(x as tf.Tensor2D, kernel as tf.Tensor2D);
      return spec.useBias && bias !== undefined ? tf.add(y, bias) : y;
    }
    case 'activation':
      return x;
    default:
      throw new Error(`layer ${spec.name} has no linear part`);
  }
}

function splitActivation(spec: TLayerSpec): string | null {
  return spec.kind === 'conv2d' || spec.kind === 'dense' || spec.kind === 'activation' ? spec.activation : null;
}

/**
 * Runs layers from … to (inclusive) of a Sequential model on x in inference mode and returns
 * the last one's output. Layers run as themselves (`layer.apply`), except where `mode` needs a
 * layer split into its linear part and its activation: then the linear part is computed from
 * the layer's own weights and the activation is applied by hand. Call inside tf.tidy.
 */
export function runLayers(specs: readonly TLayerSpec[], x: tf.Tensor, from: number, to: number, mode: ForwardMode = {}): tf.Tensor {
  let y = x;
  for (let i = from; i <= to; i++) {
    const spec = specs[i];
    if (spec === undefined) throw new Error(`no layer ${i}`);
    const activation = splitActivation(spec);
    if (mode.guided === true && spec.kind === 'other' && (spec.layer.getConfig() as { activation?: unknown }).activation === 'relu') {
      // A ReLU inside a layer we cannot split would backpropagate unguided: refuse rather than return a wrong map.
      throw new InspectInputError(`guided backprop cannot split the ReLU of layer '${spec.name}' (${spec.className})`);
    }
    if (mode.guided === true && activation === 'relu') {
      y = guidedRelu(linearPart(spec, y));
    } else if (mode.switchPools === true && spec.kind === 'maxPool2d') {
      y = switchMaxPool(spec, y);
    } else if (mode.logits === true && activation === 'softmax' && i === specs.length - 1) {
      y = linearPart(spec, y);
    } else {
      y = spec.layer.apply(y, { training: false }) as tf.Tensor;
    }
  }
  return y;
}
