import * as tf from '@tensorflow/tfjs';
import type { TTaggedScalar } from '@tensorscope/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLenet5 } from '../models/lenet5.model';
import { createOptimizer } from '../models/optimizer.factory';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint.codec';
import type { TTrainCheckpoint } from './checkpoint.types';
import { train } from './train';
import { loadTrainFixture, trainOptions } from './train.fixture.test-util';
import type { TrainData } from './train.types';

let data: TrainData;
beforeAll(async () => {
  ({ data } = await loadTrainFixture(8, 1));
});

const key = (p: TTaggedScalar) => `${p.tag}@${p.step}`;
const weightsOf = (model: tf.LayersModel) => model.getWeights().flatMap((w) => Array.from(w.dataSync()));
/** Largest |a - b| / max(1, |b|) over two equally long lists. */
const maxRelDiff = (a: number[], b: number[]) => {
  expect(a.length).toBe(b.length);
  return a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i]!) / Math.max(1, Math.abs(b[i]!))), 0);
};

/** Two epochs of 10 steps, train points every 3 steps, evaluation every 7. */
const run = (optimizer: 'adam' | 'momentum') => ({
  epochs: 2,
  logInterval: 3,
  evalInterval: 7,
  optimizer: createOptimizer({ optimizer, learningRate: optimizer === 'adam' ? 1e-3 : 1e-2 }),
});

describe('checkpoints', () => {
  for (const optimizer of ['adam', 'momentum'] as const) {
    it(`a run suspended mid-epoch and resumed from its encoded checkpoint equals an uninterrupted one (${optimizer})`, async () => {
      const straightModel = buildLenet5({ variant: 'cifar-gray28', seed: 3 });
      const straight: TTaggedScalar[] = [];
      await train(straightModel, data, trainOptions(run(optimizer)), { onScalars: (p) => void straight.push(...p) });

      // Suspended before step 14: in epoch 2, with a train window holding steps 13.
      const first = buildLenet5({ variant: 'cifar-gray28', seed: 3 });
      const firstOptions = trainOptions(run(optimizer));
      const before: TTaggedScalar[] = [];
      let saved: TTrainCheckpoint | undefined;
      let checks = 0;
      const suspended = await train(first, data, firstOptions, {
        onScalars: (p) => void before.push(...p),
        onCheckpoint: (c) => void (saved = c),
        shouldStop: () => (++checks > 13 ? 'suspend' : false),
      });
      expect(suspended).toMatchObject({ stopped: true, suspended: true });
      const stoppedAt = suspended.steps;
      expect(stoppedAt).toBe(13);
      expect(saved?.step).toBe(13);
      // Step 13 opened a train window (points at 12 and 15): it travels in the checkpoint.
      expect(saved?.window.images).toBe(64);
      expect(before.some((p) => p.step === 13)).toBe(false);
      first.dispose();
      firstOptions.optimizer.dispose();

      // Through the storage format, into a fresh model and optimizer.
      const { manifest, data: bytes } = encodeCheckpoint(saved!);
      const restored = decodeCheckpoint(JSON.parse(JSON.stringify(manifest)), new Uint8Array(bytes));
      const second = buildLenet5({ variant: 'cifar-gray28', seed: 99 });
      const after: TTaggedScalar[] = [];
      const resumed = await train(second, data, trainOptions({ ...run(optimizer), resume: restored }), {
        onScalars: (p) => void after.push(...p),
      });
      expect(resumed).toMatchObject({ stopped: false, suspended: false, steps: 20 });

      // Every logged (tag, step) exactly once across both parts, with the uninterrupted values.
      const combined = [...before, ...after];
      expect(combined.map(key)).toEqual(straight.map(key));
      // Same numbers to float tolerance: TF.js's Adam accumulates beta^t by multiplication each
      // step, and setWeights recomputes it as pow(beta, t) (measured: ~4e-8 relative apart).
      expect(
        maxRelDiff(
          combined.map((p) => p.value),
          straight.map((p) => p.value),
        ),
      ).toBeLessThan(1e-5);
      expect(after.every((p) => p.step > stoppedAt)).toBe(true);
      expect(maxRelDiff(weightsOf(second), weightsOf(straightModel))).toBeLessThan(1e-5);
      straightModel.dispose();
      second.dispose();
    });
  }

  it('checkpoints on the wall-clock interval without growing the tensor count', async () => {
    const model = buildLenet5({ variant: 'cifar-gray28', seed: 1 });
    const options = trainOptions({ checkpointEveryMs: 0 });
    const counts: number[] = [];
    const steps: number[] = [];
    await train(model, data, options, {
      onCheckpoint: (c) => {
        steps.push(c.step);
        counts.push(tf.memory().numTensors);
        expect(c.weights.length).toBe(model.weights.length);
        // Adam: the iteration count plus two moments per trainable weight.
        expect(c.optimizer.length).toBe(1 + 2 * model.trainableWeights.length);
      },
    });
    // Every step but the last (a finished run needs none).
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(counts.slice(1)).size).toBe(1);
    model.dispose();
    options.optimizer.dispose();
  });

  it('refuses a checkpoint taken on other data or another network', async () => {
    const model = buildLenet5({ variant: 'cifar-gray28', seed: 1 });
    let saved: TTrainCheckpoint | undefined;
    await train(model, data, trainOptions({ checkpointEveryMs: 0 }), { onCheckpoint: (c) => void (saved ??= c) });
    await expect(train(model, data, trainOptions({ batchSize: 32, resume: saved! }))).rejects.toThrow(/batch 64/);
    const other = buildLenet5({ variant: 'cifar-rgb32', seed: 1 });
    const rgb = { ...saved!, weights: saved!.weights.slice(1) };
    await expect(train(other, data, trainOptions({ resume: rgb }))).rejects.toThrow();
    const { manifest, data: bytes } = encodeCheckpoint(saved!);
    expect(() => decodeCheckpoint(manifest, new Uint8Array(bytes).subarray(4))).toThrow(/bytes/);
    model.dispose();
    other.dispose();
  });
});
