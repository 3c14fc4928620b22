import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { TTaggedScalar } from '@tensorscope/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMnist } from '../datasets/mnist.loader';
import { buildLenet5 } from '../models/lenet5.model';
import { buildRecurrentModel } from '../models/recurrent.model';
import { createOptimizer } from '../models/optimizer.factory';
import type { TTrainCheckpoint } from './checkpoint.types';
import { DataParallelHelper } from './data-parallel.helper';
import { subsetSplit } from './dataset-subset.util';
import { train } from './train';
import { loadTrainFixture, trainOptions } from './train.fixture.test-util';
import type { TrainCallbacks, TrainData, TrainOptions } from './train.types';

/**
 * The trainer's two-thread path (this thread + a helper thread, a batch split between them,
 * gradients averaged by part size) against one thread on whole batches, through the training
 * loop itself. The helper runs the compiled worker in dist/ (worker threads run JS): build the
 * package first (`tsc -b`).
 */

const WORKER = path.resolve(__dirname, '..', '..', 'dist', 'training', 'data-parallel.worker.js');

/** 61 CIFAR-10 gray28 training images: batches of 15 are odd, and each epoch ends in a 1-image batch. */
let gray: TrainData;
let mnist: TrainData;
const helpers: DataParallelHelper[] = [];

beforeAll(async () => {
  if (!fs.existsSync(WORKER)) throw new Error(`${WORKER} is missing: build @tensorscope/ml (tsc -b) first`);
  const fixture = await loadTrainFixture(8, 1);
  gray = subsetSplit(fixture.data, { train: 61, test: 40 });
  mnist = subsetSplit(await loadMnist(), { train: 96, test: 40 });
});

afterAll(async () => {
  await Promise.all(helpers.map((h) => h.dispose()));
});

async function startHelper(model: tf.LayersModel, options: TrainOptions): Promise<DataParallelHelper> {
  const helper = await DataParallelHelper.start(model, options.optimizer, { gradClipNorm: options.gradClipNorm });
  helpers.push(helper);
  return helper;
}

interface Trained {
  points: TTaggedScalar[];
  weights: number[];
  /** Live tensors on this thread at each train point, and the helper's after its last update there. */
  tensors: Map<number, [number, number]>;
}

/** Trains a fresh model from `build` with `options`, on one thread or with a helper; disposes the model and optimizer. */
async function run(
  build: () => tf.LayersModel,
  data: TrainData,
  options: TrainOptions,
  threads: 1 | 2,
  callbacks: TrainCallbacks = {},
): Promise<Trained> {
  const model = build();
  const helper = threads === 2 ? await startHelper(model, options) : undefined;
  const points: TTaggedScalar[] = [];
  const tensors = new Map<number, [number, number]>();
  try {
    await train(
      model,
      data,
      { ...options, ...(helper ? { dataParallel: helper } : {}) },
      {
        ...callbacks,
        onScalars: (p) => {
          points.push(...p);
          if (p[0]?.tag === 'train/loss') tensors.set(p[0].step, [tf.memory().numTensors, helper?.tensors ?? 0]);
        },
      },
    );
    return { points, weights: model.getWeights().flatMap((w) => Array.from(w.dataSync())), tensors };
  } finally {
    await helper?.dispose();
    options.optimizer.dispose();
    model.dispose();
  }
}

const key = (p: TTaggedScalar) => `${p.tag}@${p.step}`;
/** Largest |a - b| / max(1, |b|) over two equally long lists. */
const maxRelDiff = (a: number[], b: number[]) => {
  expect(a.length).toBe(b.length);
  return a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i]!) / Math.max(1, Math.abs(b[i]!))), 0);
};

function expectSameRun(parallel: Trained, single: Trained, tolerance: number): void {
  expect(parallel.points.map(key)).toEqual(single.points.map(key));
  expect(
    maxRelDiff(
      parallel.points.map((p) => p.value),
      single.points.map((p) => p.value),
    ),
  ).toBeLessThan(tolerance);
  expect(maxRelDiff(parallel.weights, single.weights)).toBeLessThan(tolerance);
}

describe('data-parallel training', () => {
  it('gives the losses and weights of one thread: odd batches split 8 + 7, 1-image last batches on this thread alone', async () => {
    const lenet = () => buildLenet5({ variant: 'cifar-gray28', seed: 5 });
    const options = () => trainOptions({ batchSize: 15, epochs: 2, evalInterval: 4 });
    const single = await run(lenet, gray, options(), 1);
    const before = tf.memory().numTensors;
    const parallel = await run(lenet, gray, options(), 2);
    // 2 epochs of 5 steps (15, 15, 15, 15, 1), a point per step: the losses move, and match.
    expect(parallel.points.filter((p) => p.tag === 'train/loss').map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expectSameRun(parallel, single, 1e-4);
    const losses = single.points.filter((p) => p.tag === 'train/loss').map((p) => p.value);
    expect(losses[0]).not.toBeCloseTo(losses[8]!, 2);
    // Neither thread gains tensors per step (Adam's slots exist from step 1 on), and nothing is left after.
    expect(parallel.tensors.get(10)).toEqual(parallel.tensors.get(2));
    expect(parallel.tensors.get(2)![1]).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('clips and inspects alike: an LSTM with gradClipNorm, its gradient statistics from the whole batch', async () => {
    const lstm = () => buildRecurrentModel({ model: 'lstm', hiddenSize: 16, layers: 1, dropout: 0, seed: 2 });
    const options = () => trainOptions({ batchSize: 32, epochs: 1, gradClipNorm: 0.05, statsInterval: 2, evalInterval: 2 });
    const listen: TrainCallbacks = { onHistograms: () => undefined };
    const single = await run(lstm, mnist, options(), 1, listen);
    const parallel = await run(lstm, mnist, options(), 2, listen);
    // gradients/… points come from the hook, which sees the averaged gradients of the whole batch.
    expect(parallel.points.filter((p) => p.tag === 'gradients/lstm1/kernel/std').map((p) => p.step)).toEqual([2, 3]);
    expectSameRun(parallel, single, 1e-4);
  });

  it('survives suspend and resume: the helper starts from the restored weights and optimizer slots', async () => {
    const lenet = (seed: number) => () => buildLenet5({ variant: 'cifar-gray28', seed });
    const options = (resume?: TTrainCheckpoint) =>
      trainOptions({ batchSize: 15, epochs: 2, logInterval: 2, ...(resume ? { resume } : {}) });
    const straight = await run(lenet(7), gray, options(), 1);
    let saved: TTrainCheckpoint | undefined;
    let checks = 0;
    const first = await run(lenet(7), gray, options(), 2, {
      onCheckpoint: (c) => void (saved = c),
      shouldStop: () => (++checks > 6 ? 'suspend' : false),
    });
    expect(saved?.step).toBe(6);
    // Another seed: every weight the resumed run trains from comes from the checkpoint, on both threads.
    const second = await run(lenet(99), gray, options(saved), 2);
    expectSameRun({ ...second, points: [...first.points, ...second.points] }, straight, 1e-4);
  });

  it('switches between one and two threads (adaptThreads) without changing the run: the stale helper is re-synced', async () => {
    const lenet = () => buildLenet5({ variant: 'cifar-gray28', seed: 6 });
    const options = () => trainOptions({ batchSize: 15, epochs: 2, evalInterval: 4 });
    const single = await run(lenet, gray, options(), 1);
    // Trials of 2 steps per mode, 1 step held: whatever wins, every cycle runs one thread and then two again.
    const adaptive = await run(lenet, gray, { ...options(), adaptThreads: { trialSteps: 2, holdSteps: 1 } }, 2);
    expectSameRun(adaptive, single, 1e-4);
  });

  it('fails the run with the reason when the helper thread dies, leaving no tensor behind', async () => {
    const model = buildLenet5({ variant: 'cifar-gray28', seed: 1 });
    const before = tf.memory().numTensors;
    const options = trainOptions({ batchSize: 15 });
    const helper = await startHelper(model, options);
    const failed = train(
      model,
      gray,
      { ...options, dataParallel: helper },
      {
        onScalars: async (p) => {
          // As if it crashed: the thread is gone between two steps.
          if (p[0]?.step === 2) await helper['worker'].terminate();
        },
      },
    );
    await expect(failed).rejects.toThrow(/training helper thread stopped unexpectedly \(exit code 1\)/);
    options.optimizer.dispose();
    // This thread's Adam slots went with the optimizer: back to the model's own tensors.
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it("passes on the helper's own error message, and its thread ends on dispose", async () => {
    const lenet = buildLenet5({ variant: 'cifar-gray28', seed: 1 });
    const optimizer = createOptimizer({ optimizer: 'adam', learningRate: 1e-3 });
    const helper = await startHelper(lenet, { ...trainOptions(), optimizer });
    const other = buildRecurrentModel({ model: 'gru', hiddenSize: 4, layers: 1, dropout: 0, seed: 1 });
    await expect(helper.sync(other, optimizer)).rejects.toThrow(/^training helper thread: checkpoint has \d+ weights, the model \d+/);
    // A refused request leaves the helper usable.
    await helper.sync(lenet, optimizer);
    await helper.dispose();
    expect(helper['worker'].threadId).toBe(-1);
    await expect(helper.sync(lenet, optimizer)).rejects.toThrow(/shut down/);
    optimizer.dispose();
    lenet.dispose();
    other.dispose();
  });
});
