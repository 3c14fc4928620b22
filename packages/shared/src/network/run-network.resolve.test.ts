import { describe, expect, it } from 'vitest';
import { ZRunConfig, stepsPerEpoch, type TRunConfigInput } from '../run-config.schema';
import { classNamesOf, inputShapeOf, resolveRunNetwork } from './run-network.resolve';

const parse = (c: TRunConfigInput) => ZRunConfig.parse(c);
const facts = {
  name: 'Fashion-MNIST',
  inputShape: [28, 28, 1] as [number, number, number],
  classes: ['T-shirt', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
  trainSize: 60_000,
  testSize: 10_000,
  checksum: 'abc',
};

describe('resolveRunNetwork', () => {
  it('gives the course presets their known parameter counts', () => {
    const lenet = resolveRunNetwork(parse({ model: 'lenet5', variant: 'cifar-rgb32' }));
    expect(lenet.ok && lenet.network.paramCount).toBe(4_259_274);
    expect(lenet.ok && lenet.network.layers.map((l) => l.name)).toEqual(['conv1', 'pool1', 'conv2', 'pool2', 'flatten', 'fc1', 'fc2']);
    const lstm = resolveRunNetwork(parse({ model: 'lstm', hiddenSize: 128 }));
    // 4·(128·(28+128)+128) + 128·10+10
    expect(lstm.ok && lstm.network.paramCount).toBe(4 * (128 * 156 + 128) + 1290);
  });

  it('resolves a custom stack on its recorded dataset, adding the head', () => {
    const config = parse({
      model: 'custom',
      dataset: '0b5f1a2e-1111-4222-8333-944455556666',
      datasetFacts: facts,
      network: { layers: [{ type: 'conv2d', filters: 8, kernelSize: 3, activation: 'relu' }, { type: 'maxPool2d' }] },
    });
    const net = resolveRunNetwork(config);
    expect(net.ok).toBe(true);
    if (!net.ok) return;
    expect(net.network.layers.map((l) => [l.name, l.outputShape])).toEqual([
      ['conv1', [26, 26, 8]],
      ['pool1', [13, 13, 8]],
      ['head_flatten', [1352]],
      ['head', [10]],
    ]);
    expect(net.network.notes[0]).toMatch(/added a dense head of 10 units/);
    expect(classNamesOf(config)).toEqual(facts.classes);
    expect(stepsPerEpoch({ ...config, batchSize: 100 })).toBe(600);
  });

  it('says why a custom run on an unresolved upload cannot be resolved, and refuses a bad topology', () => {
    const unresolved = parse({
      model: 'custom',
      dataset: '0b5f1a2e-1111-4222-8333-944455556666',
      network: { layers: [{ type: 'flatten' }] },
    });
    expect(inputShapeOf(unresolved)).toBeUndefined();
    expect(resolveRunNetwork(unresolved)).toEqual({
      ok: false,
      problems: [{ index: null, message: expect.stringMatching(/not resolved/) }],
    });
    const keras = parse({ model: 'custom', dataset: 'mnist', network: { keras: { class_name: 'Functional', config: {} } } });
    const r = resolveRunNetwork(keras);
    expect(r.ok === false && r.problems[0]!.message).toMatch(/only Sequential/);
  });

  it('takes a built-in dataset without facts', () => {
    const config = parse({ model: 'custom', dataset: 'cifar10', network: { layers: [{ type: 'globalAvgPool2d' }] } });
    expect(inputShapeOf(config)).toEqual([32, 32, 3]);
    expect(classNamesOf(config)[3]).toBe('cat');
    expect(stepsPerEpoch(config)).toBe(Math.ceil(50_000 / 64));
  });
});
