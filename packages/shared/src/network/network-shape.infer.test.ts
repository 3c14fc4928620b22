import { describe, expect, it } from 'vitest';
import { ZLayer, ZLayerStack, type TLayerInput } from './network-layer.schema';
import { inferNetwork, NETWORK_PARAMS_MAX } from './network-shape.infer';
import { LENET5_VARIANT_INPUT, lenet5Layers, recurrentLayers } from './network.presets';

const stack = (layers: TLayerInput[]) => ZLayerStack.parse(layers);
const mnist = { inputShape: [28, 28, 1], classes: 10 };
const messages = (r: ReturnType<typeof inferNetwork>) => (r.ok ? [] : r.problems.map((p) => p.message));

describe('inferNetwork', () => {
  it('gives the course LeNet-5 its known sizes on every variant', () => {
    const mnistNet = inferNetwork(lenet5Layers(), { inputShape: LENET5_VARIANT_INPUT.mnist, classes: 10 });
    if (!mnistNet.ok) throw new Error(messages(mnistNet).join('; '));
    expect(mnistNet.network.layers.map((l) => [l.name, l.outputShape, l.params])).toEqual([
      ['conv1', [28, 28, 32], 5 * 5 * 1 * 32 + 32],
      ['pool1', [14, 14, 32], 0],
      ['conv2', [14, 14, 64], 5 * 5 * 32 * 64 + 64],
      ['pool2', [7, 7, 64], 0],
      ['flatten', [3136], 0],
      ['fc1', [1024], 3136 * 1024 + 1024],
      ['fc2', [10], 10_250],
    ]);
    expect(mnistNet.network.paramCount).toBe(3_274_634);
    expect(mnistNet.network.notes).toEqual([]);
    const rgb = inferNetwork(lenet5Layers(), { inputShape: LENET5_VARIANT_INPUT['cifar-rgb32'], classes: 10 });
    expect(rgb.ok && rgb.network.paramCount).toBe(4_259_274);
  });

  it('sizes recurrent stacks as TF.js counts them (gates × (units·(features + units) + units))', () => {
    const lstm = inferNetwork(recurrentLayers({ model: 'lstm', hiddenSize: 256, layers: 2, dropout: 0.2 }), mnist);
    if (!lstm.ok) throw new Error(messages(lstm).join('; '));
    expect(lstm.network.layers.map((l) => [l.name, l.outputShape, l.params])).toEqual([
      ['rows', [28, 28], 0],
      ['lstm1', [28, 256], 4 * (256 * (28 + 256) + 256)],
      ['dropout1', [28, 256], 0],
      ['lstm2', [256], 4 * (256 * (256 + 256) + 256)],
      ['dropout2', [256], 0],
      ['fc', [10], 2570],
    ]);
    const gru = inferNetwork(recurrentLayers({ model: 'gru', hiddenSize: 128, layers: 1, dropout: 0 }), mnist);
    expect(gru.ok && gru.network.layers[1]!.params).toBe(3 * (128 * (28 + 128) + 128));
    const rnn = inferNetwork(recurrentLayers({ model: 'rnn', hiddenSize: 64, layers: 1, dropout: 0 }), mnist);
    expect(rnn.ok && rnn.network.layers[1]!.params).toBe(64 * (28 + 64) + 64);
  });

  it('names layers like the course does, around names given by hand', () => {
    const r = inferNetwork(
      stack([
        { type: 'conv2d', filters: 4, kernelSize: 3 },
        { type: 'conv2d', name: 'conv1b', filters: 4, kernelSize: 3 },
        { type: 'conv2d', filters: 4, kernelSize: 3, padding: 'same' },
        { type: 'batchNorm' },
        { type: 'maxPool2d' },
        { type: 'globalAvgPool2d' },
        { type: 'dense', units: 10 },
      ]),
      mnist,
    );
    if (!r.ok) throw new Error(messages(r).join('; '));
    expect(r.network.layers.map((l) => `${l.name}:${l.outputShape.join('x')}:${l.params}`)).toEqual([
      'conv1:26x26x4:40',
      'conv1b:24x24x4:148',
      'conv2:24x24x4:148',
      'bn1:24x24x4:16',
      'pool1:12x12x4:0',
      'gap1:4:0',
      'fc1:10:50',
    ]);
  });

  it('adds a classifier head where the stack does not end in one logit per class, and says so', () => {
    const r = inferNetwork(stack([{ type: 'conv2d', filters: 8, kernelSize: 3, strides: 2 }]), mnist);
    if (!r.ok) throw new Error(messages(r).join('; '));
    expect(r.network.layers.map((l) => [l.name, l.outputShape, l.added ?? false])).toEqual([
      ['conv1', [13, 13, 8], false],
      ['head_flatten', [1352], true],
      ['head', [10], true],
    ]);
    expect(r.network.notes).toEqual([
      'added a dense head of 10 units (one logit per class): the last layer gives [13, 13, 8], flattened first',
    ]);
    expect(r.layers.map((l) => l.type)).toEqual(['conv2d', 'flatten', 'dense']);
    const wide = inferNetwork(stack([{ type: 'flatten' }, { type: 'dense', units: 64, activation: 'relu' }]), mnist);
    expect(wide.ok && wide.network.layers.map((l) => l.name)).toEqual(['flatten1', 'fc1', 'head']);
  });

  it('trains a final softmax as logits, since the loss applies softmax itself', () => {
    const r = inferNetwork(stack([{ type: 'flatten' }, { type: 'dense', units: 10, activation: 'softmax' }]), mnist);
    expect(r.ok && r.layers[1]).toMatchObject({ type: 'dense', activation: 'linear' });
    expect(r.ok && r.network.notes[0]).toMatch(/^layer 1's softmax is left to the loss/);
  });

  it('refuses what cannot train, naming the layer', () => {
    const cases: [TLayerInput[], string][] = [
      [[{ type: 'conv2d', filters: 8, kernelSize: 30 }], 'layer 0 (conv2d): its kernel 30×30 is larger than its 28×28 input'],
      [
        [
          { type: 'conv2d', filters: 8, kernelSize: 5, strides: 5 },
          { type: 'maxPool2d', poolSize: 3, strides: 3 },
          { type: 'maxPool2d', poolSize: 2, padding: 'same' },
          { type: 'conv2d', filters: 8, kernelSize: 2 },
        ],
        'layer 3 (conv2d): its kernel 2×2 is larger than its 1×1 input',
      ],
      [
        [{ type: 'flatten' }, { type: 'lstm', units: 8 }],
        'layer 1 (lstm): a recurrent layer reads [steps, features]; it gets [784]: put a reshape before it (after flatten there are no steps left)',
      ],
      [
        [{ type: 'gru', units: 8 }],
        'layer 0 (gru): a recurrent layer reads [steps, features]; it gets [28, 28, 1]: put a reshape to [28, 28] before it (rows as steps)',
      ],
      [
        [{ type: 'flatten' }, { type: 'conv2d', filters: 2, kernelSize: 1 }],
        'layer 1 (conv2d): conv2d reads [height, width, channels]; it gets [784]',
      ],
      [
        [{ type: 'reshape', targetShape: [27, 28] }],
        'layer 0 (reshape): targetShape [27, 28] holds 756 values; its input [28, 28, 1] holds 784',
      ],
      [
        [
          { type: 'dense', name: 'x', units: 4 },
          { type: 'dense', name: 'x', units: 10 },
        ],
        "layer 1 (dense): the name x is already layer 0's",
      ],
    ];
    for (const [layers, message] of cases) expect(messages(inferNetwork(stack(layers), mnist))).toEqual([message]);
  });

  it('refuses a network over the parameter limit', () => {
    const r = inferNetwork(stack([{ type: 'flatten' }, { type: 'dense', units: 65_536 }, { type: 'dense', units: 10 }]), mnist);
    expect(784 * 65_536 + 65_536 + 655_370).toBeGreaterThan(NETWORK_PARAMS_MAX);
    expect(messages(r)).toEqual(['the network has 52,101,130 parameters; at most 50,000,000 can train here']);
  });
});

describe('ZLayer', () => {
  it('applies Keras defaults and names what is wrong', () => {
    expect(ZLayer.parse({ type: 'maxPool2d' })).toEqual({ type: 'maxPool2d', poolSize: 2, padding: 'valid' });
    expect(ZLayer.safeParse({ type: 'conv3d' }).error?.issues[0]?.message).toMatch(/^type must be one of conv2d, /);
    expect(ZLayer.safeParse({ type: 'dense', units: 0 }).error?.issues[0]?.message).toBe('units must be at least 1');
    expect(ZLayer.safeParse({ type: 'dense', units: 4, extra: 1 }).success).toBe(false);
    expect(ZLayerStack.safeParse([]).error?.issues[0]?.message).toBe('a network needs at least one layer');
  });
});
