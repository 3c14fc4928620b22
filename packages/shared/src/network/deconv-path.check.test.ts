import { describe, expect, it } from 'vitest';
import { ZLayerStack, type TLayerInput } from './network-layer.schema';
import { deconvPathProblem } from './deconv-path.check';
import { inferNetwork } from './network-shape.infer';

const problemAt = (stack: TLayerInput[], layer: string) => {
  const inferred = inferNetwork(ZLayerStack.parse(stack), { inputShape: [28, 28, 1], classes: 10 });
  if (!inferred.ok) throw new Error('network does not infer');
  return deconvPathProblem(inferred.layers, inferred.network, layer);
};

describe('deconvPathProblem', () => {
  const conv = (activation = 'relu'): TLayerInput => ({ type: 'conv2d', filters: 4, kernelSize: 3, activation: activation as 'relu' });

  it('lets the paper’s layers through: conv (relu or linear), max-pooling, dropout', () => {
    expect(problemAt([conv(), { type: 'maxPool2d' }, { type: 'dropout', rate: 0.1 }, conv('linear')], 'conv2')).toBeUndefined();
  });

  it('names the first layer below that has no defined inverse, with its index', () => {
    expect(problemAt([conv(), { type: 'batchNorm' }, conv()], 'conv2')).toBe(
      'the deconvnet cannot go back through layer bn1 (1): its type is batchNorm; only conv2d, maxPool2d and dropout lie on its way',
    );
    expect(problemAt([conv('tanh'), conv()], 'conv2')).toMatch(/layer conv1 \(0\): its activation is tanh/);
    expect(problemAt([conv(), { type: 'avgPool2d' }, conv()], 'conv2')).toMatch(/its type is avgPool2d/);
    // What lies above the chosen layer does not matter.
    expect(problemAt([conv(), { type: 'batchNorm' }, conv()], 'conv1')).toBeUndefined();
  });
});
