import type { TTaggedScalar } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { train } from '../training/train';
import { loadTrainFixture, trainOptions } from '../training/train.fixture.test-util';
import { buildModel, type TModelConfig } from './model.build';

/**
 * The course models as they were before networks became layer stacks (issue #16): their
 * parameter counts and first 20 training losses at a fixed seed, recorded from the hand-written
 * builders on wasm. Presets must keep training exactly so (to float tolerance: faster kernels may
 * sum in another order).
 */
const GOLDEN: { label: string; config: TModelConfig; dataset: 'cifar-gray28' | 'mnist'; params: number; losses: number[] }[] = [
  {
    label: 'LeNet-5 gray28',
    config: { model: 'lenet5', variant: 'cifar-gray28', seed: 3 },
    dataset: 'cifar-gray28',
    params: 3_274_634,
    losses: [
      2.301221, 2.818821, 2.353642, 2.276749, 2.201434, 2.295055, 2.223979, 2.239018, 2.153151, 2.217058, 2.118537, 2.236686, 2.114824,
      2.221528, 2.059612, 2.125266, 2.142891, 2.168092, 2.027261, 2.216479,
    ],
  },
  {
    label: 'LSTM-32 × 2',
    config: { model: 'lstm', hiddenSize: 32, layers: 2, dropout: 0, seed: 3 },
    dataset: 'mnist',
    params: 16_458,
    losses: [
      2.314345, 2.289997, 2.322181, 2.26825, 2.270926, 2.252829, 2.260567, 2.288546, 2.235727, 2.255458, 2.202385, 2.199097, 2.20628,
      2.163578, 2.150405, 2.229535, 2.197264, 2.210365, 2.13392, 2.146651,
    ],
  },
  {
    label: 'GRU-32',
    config: { model: 'gru', hiddenSize: 32, layers: 1, dropout: 0, seed: 3 },
    dataset: 'mnist',
    params: 6_186,
    losses: [
      2.261247, 2.366534, 2.319649, 2.348611, 2.408931, 2.373916, 2.319361, 2.446324, 2.290417, 2.245265, 2.262644, 2.264178, 2.419803,
      2.238408, 2.290039, 2.273964, 2.276728, 2.258725, 2.31527, 2.277616,
    ],
  },
];

describe('course presets against their recorded behaviour', () => {
  it.each(GOLDEN)('$label: parameters and the first 20 losses', async ({ config, dataset, params, losses }) => {
    const { data } = await loadTrainFixture(0, 1, dataset);
    const model = buildModel(config);
    const seen: number[] = [];
    // 600 images in batches of 30: 20 steps, a loss logged at each.
    await train(model, data, trainOptions({ batchSize: 30 }), {
      onScalars: (points: TTaggedScalar[]) => void seen.push(...points.filter((p) => p.tag === 'train/loss').map((p) => p.value)),
    });
    const count = model.countParams();
    model.dispose();
    expect(count).toBe(params);
    expect(seen).toHaveLength(20);
    seen.forEach((loss, i) => expect(loss, `step ${i + 1}`).toBeCloseTo(losses[i]!, 3));
  });
});
