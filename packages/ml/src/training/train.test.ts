import * as tf from '@tensorflow/tfjs';
import { ZTaggedScalar, type TTaggedScalar } from '@tensorscope/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageDataset } from '../datasets/dataset.types';
import { buildLenet5 } from '../models/lenet5.model';
import { train } from './train';
import { expectNoTensorGrowth, loadTrainFixture, trainOptions } from './train.fixture.test-util';
import type { TrainData, TrainProgress } from './train.types';

/** 600 real CIFAR-10 gray28 training images: 10 steps of 64 per epoch, the last one 24. */
let data: TrainData;
/** 32 probe images from the whole test split. */
let probe: ImageDataset;

beforeAll(async () => {
  ({ data, probe } = await loadTrainFixture(32, 1));
});

const options = trainOptions;

const byTag = (points: TTaggedScalar[], tag: TTaggedScalar['tag']) => points.filter((p) => p.tag === tag);

describe('train', () => {
  it('emits train scalars every logInterval steps, test scalars every evalInterval steps and at the end', async () => {
    const model = buildLenet5({ variant: 'cifar-gray28', seed: 1 });
    const points: TTaggedScalar[] = [];
    const start = Date.now();
    const result = await train(model, data, options({ epochs: 2, logInterval: 3, evalInterval: 7 }), {
      onScalars: (p) => {
        points.push(...p);
      },
    });
    const end = Date.now();
    expect(result).toMatchObject({ stopped: false, steps: 20 });
    // Train windows end at 3, 6, …, 18, and the 2-step remainder is flushed at 20.
    expect(byTag(points, 'train/loss').map((p) => p.step)).toEqual([3, 6, 9, 12, 15, 18, 20]);
    expect(byTag(points, 'train/accuracy').map((p) => p.step)).toEqual([3, 6, 9, 12, 15, 18, 20]);
    expect(byTag(points, 'test/loss').map((p) => p.step)).toEqual([7, 14, 20]);
    expect(byTag(points, 'test/accuracy').map((p) => p.step)).toEqual([7, 14, 20]);
    for (const p of points) {
      expect(ZTaggedScalar.parse(p)).toEqual(p);
      expect(p.wallTime).toBeGreaterThanOrEqual(start);
      expect(p.wallTime).toBeLessThanOrEqual(end);
      expect(Number.isFinite(p.value)).toBe(true);
      if (p.tag.endsWith('accuracy')) expect(p.value).toBeGreaterThanOrEqual(0);
      if (p.tag.endsWith('accuracy')) expect(p.value).toBeLessThanOrEqual(1);
      if (p.tag.endsWith('loss')) expect(p.value).toBeGreaterThan(0);
    }
    // Accuracy is counted over images: on 200 test images it is a multiple of 1/200.
    for (const p of byTag(points, 'test/accuracy')) expect(Math.abs(p.value * 200 - Math.round(p.value * 200))).toBeLessThan(1e-9);
    expect(result.finalMetrics).toEqual({
      'train/loss': byTag(points, 'train/loss').at(-1)!.value,
      'train/accuracy': byTag(points, 'train/accuracy').at(-1)!.value,
      'test/loss': byTag(points, 'test/loss').at(-1)!.value,
      'test/accuracy': byTag(points, 'test/accuracy').at(-1)!.value,
    });
    model.dispose();
  });

  it('does not grow the tensor count from step to step (wasm)', async () => {
    const model = buildLenet5({ variant: 'cifar-gray28', seed: 1 });
    // Including across the evaluation at step 5 and the final one.
    await expectNoTensorGrowth(model, data, options({ evalInterval: 5 }));
    expect(tf.getBackend()).toBe('wasm');
    model.dispose();
  });

  it('does not grow the tensor count across stats steps and snapshot steps either (wasm)', async () => {
    const model = buildLenet5({ variant: 'cifar-gray28', seed: 1 });
    const { statsSteps, snapshotSteps } = await expectNoTensorGrowth(
      model,
      data,
      options({ evalInterval: 5, statsInterval: 3, histogramBins: 10, probe, snapshotsPerEpoch: 2 }),
      { inspect: true },
    );
    // Stats at 3, 6, 9 and the last step; snapshots at 5 and 10: all between the two counts.
    expect(statsSteps).toEqual([3, 6, 9, 10]);
    expect(snapshotSteps).toEqual([5, 10]);
    model.dispose();
  });

  it('reproduces the same first losses from the same seeds, and other ones from another shuffle seed', async () => {
    const firstLosses = async (shuffleSeed: number) => {
      const model = buildLenet5({ variant: 'cifar-gray28', seed: 3 });
      const losses: number[] = [];
      await train(model, data, options({ seed: shuffleSeed }), {
        onScalars: (p) => {
          for (const q of p) if (q.tag === 'train/loss') losses.push(q.value);
        },
        shouldStop: () => losses.length >= 3,
      });
      model.dispose();
      return losses;
    };
    const a = await firstLosses(3);
    expect(a).toHaveLength(3);
    expect(await firstLosses(3)).toEqual(a);
    expect((await firstLosses(4))[0]).not.toBe(a[0]);
  });

  it('stops within one step once shouldStop says so, and skips the final evaluation', async () => {
    const model = buildLenet5({ variant: 'cifar-gray28', seed: 1 });
    const points: TTaggedScalar[] = [];
    let stopRequested = false;
    const result = await train(model, data, options({ epochs: 3 }), {
      onScalars: (p) => {
        points.push(...p);
        if (p[0]?.step === 3) stopRequested = true;
      },
      shouldStop: () => stopRequested,
    });
    expect(result).toMatchObject({ stopped: true, steps: 3 });
    expect(byTag(points, 'test/accuracy')).toEqual([]);
    expect(Object.keys(result.finalMetrics).sort()).toEqual(['train/accuracy', 'train/loss']);
    model.dispose();
  });

  it('awaits async callbacks before going on', async () => {
    const model = buildLenet5({ variant: 'cifar-gray28', seed: 1 });
    let busy = false;
    let overlaps = 0;
    const result = await train(model, data, options({ evalInterval: 4 }), {
      onScalars: async () => {
        busy = true;
        await new Promise((resolve) => setTimeout(resolve, 5));
        busy = false;
      },
      shouldStop: () => {
        if (busy) overlaps++;
        return false;
      },
    });
    expect(busy).toBe(false);
    expect(result.steps).toBe(10);
    expect(overlaps).toBe(0);
    model.dispose();
  });

  it('yields to the event loop after every step, so timers and I/O keep running', async () => {
    const model = buildLenet5({ variant: 'cifar-gray28', seed: 1 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    // No callbacks: nothing but the loop's own yields can let the interval fire. Without
    // them the loop runs on promise microtasks only and ticks stays ~0.
    const result = await train(model, data, options());
    clearInterval(timer);
    expect(result.steps).toBe(10);
    expect(ticks).toBeGreaterThanOrEqual(5);
    model.dispose();
  });

  it('reports progress at most about twice a second, and once at the end', async () => {
    const model = buildLenet5({ variant: 'cifar-gray28', seed: 1 });
    const reports: Array<TrainProgress & { at: number }> = [];
    await train(model, data, options({ epochs: 2 }), { onProgress: (p) => void reports.push({ ...p, at: Date.now() }) });
    const last = reports.at(-1)!;
    expect(last).toMatchObject({ epoch: 2, epochs: 2, step: 20, totalSteps: 20, etaSeconds: 0 });
    for (let i = 1; i < reports.length - 1; i++) expect(reports[i]!.at - reports[i - 1]!.at).toBeGreaterThanOrEqual(450);
    for (const r of reports) {
      expect(r.imagesPerSec).toBeGreaterThan(0);
      expect(r.step).toBeLessThanOrEqual(r.totalSteps);
      expect(r.epoch).toBe(r.step <= 10 ? 1 : 2);
    }
    model.dispose();
  });

  it('rejects data the model cannot take and nonsensical options before training', async () => {
    const model = buildLenet5({ variant: 'cifar-rgb32', seed: 1 });
    await expect(train(model, data, options())).rejects.toThrow(/28×28×1, the model takes 32×32×3/);
    model.dispose();
    const gray = buildLenet5({ variant: 'cifar-gray28', seed: 1 });
    await expect(train(gray, data, options({ batchSize: 0 }))).rejects.toThrow(/batchSize/);
    await expect(train(gray, data, options({ logInterval: 1.5 }))).rejects.toThrow(/logInterval/);
    await expect(train(gray, data, options({ statsInterval: 0 }))).rejects.toThrow(/statsInterval/);
    await expect(train(gray, data, options({ histogramBins: 0 }))).rejects.toThrow(/histogramBins/);
    const rgbProbe = { ...probe, height: 32, width: 32, channels: 3 };
    await expect(train(gray, data, options({ probe: rgbProbe }))).rejects.toThrow(/probe images are 32×32×3/);
    gray.dispose();
  });
});
