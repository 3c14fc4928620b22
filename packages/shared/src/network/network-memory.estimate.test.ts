import { describe, expect, it } from 'vitest';
import { lenet5Layers, recurrentLayers } from './network.presets';
import { trainMemoryProblem, trainStepBytes } from './network-memory.estimate';
import { inferNetwork, type TResolvedNetwork } from './network-shape.infer';

const mnist = { inputShape: [28, 28, 1], classes: 10 };

function resolved(layers: Parameters<typeof inferNetwork>[0], on = mnist): TResolvedNetwork {
  const inferred = inferNetwork(layers, on);
  if (!inferred.ok) throw new Error(inferred.problems.map((p) => p.message).join('; '));
  return inferred.network;
}

const GiB = 1024 ** 3;

describe('trainStepBytes', () => {
  it('counts what a recurrent layer keeps at each of its 28 steps, though it outputs only the last', () => {
    const lstm = (layers: number) => resolved(recurrentLayers({ model: 'lstm', hiddenSize: 1024, layers, dropout: 0 }));
    // Measured on wasm (ml's wasm-memory.guard): 1.55 GiB and 2.45 GiB of heap at batch 512.
    expect(trainStepBytes(lstm(1), 512) / GiB).toBeGreaterThan(0.9);
    expect(trainStepBytes(lstm(2), 512) / GiB).toBeGreaterThan(1.8);
    expect(trainMemoryProblem(lstm(2), 512)).toBeUndefined();
    // 4 × that would abort a wasm worker (4 GB heap): refused before it is queued.
    expect(trainMemoryProblem(lstm(2), 2048)).toMatch(/at batchSize 2048 a training step needs about [4-9]\.\d GB/);
  });

  it('counts a GRU at three gates of an LSTM’s four', () => {
    const gru = resolved(recurrentLayers({ model: 'gru', hiddenSize: 1024, layers: 1, dropout: 0 }));
    const lstm = resolved(recurrentLayers({ model: 'lstm', hiddenSize: 1024, layers: 1, dropout: 0 }));
    expect(trainStepBytes(gru, 512)).toBeLessThan(trainStepBytes(lstm, 512));
  });

  it('leaves a network without recurrent layers as it was: weights ×4, outputs ×3, the input', () => {
    const lenet = resolved(lenet5Layers(), { inputShape: [32, 32, 3], classes: 10 });
    const outputs = lenet.layers.reduce((s, l) => s + l.outputShape.reduce((a, b) => a * b, 1), 0);
    expect(trainStepBytes(lenet, 64)).toBe(4 * (4 * lenet.paramCount + 64 * (3 * outputs + 32 * 32 * 3)));
  });
});
