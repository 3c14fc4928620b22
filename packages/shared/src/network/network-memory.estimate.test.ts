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
    // Real runs on wasm peaked at 1.55 GiB (batch 512) and 3.51 GiB (batch 1,400) of heap, 2 layers
    // at 512 at 2.45 GiB: the estimate must not fall below what those layers need.
    expect(trainStepBytes(lstm(1), 512) / GiB).toBeGreaterThan(1.1);
    expect(trainStepBytes(lstm(1), 1400) / GiB).toBeGreaterThan(3);
    expect(trainMemoryProblem(lstm(2), 512)).toBeUndefined();
    expect(trainMemoryProblem(lstm(1), 1024)).toBeUndefined();
    // 1,400 left the 4 GB heap little room: refused, with the largest batch that fits.
    expect(trainMemoryProblem(lstm(1), 1400)).toMatch(
      /at batchSize 1400 a training step needs about \d+\.\d GB; .*use batchSize ≤ 12\d\d,/,
    );
    expect(trainMemoryProblem(lstm(2), 2048)).toMatch(/at batchSize 2048 a training step needs about \d+\.\d GB/);
  });

  it('says the largest batch that fits, and that it does fit', () => {
    const net = resolved(recurrentLayers({ model: 'gru', hiddenSize: 512, layers: 3, dropout: 0 }));
    const largest = Number(/batchSize ≤ (\d+)/.exec(trainMemoryProblem(net, 100_000) ?? '')?.[1]);
    expect(largest).toBeGreaterThan(1);
    expect(trainMemoryProblem(net, largest)).toBeUndefined();
    expect(trainMemoryProblem(net, largest + 1)).toBeDefined();
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
