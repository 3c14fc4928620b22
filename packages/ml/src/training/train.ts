import type * as tf from '@tensorflow/tfjs';
import type { TScalarTag, TTaggedScalar } from '@tensorscope/shared';
import type { ImageDataset } from '../datasets/dataset.types';
import { LayerInspector } from '../inspect/layer-stats.inspector';
import { snapshotSteps } from '../inspect/snapshot-steps.plan';
import { BatchBuilder } from './batch.build';
import { computeChannelStats } from '../core/channel-stats.compute';
import { evaluate } from './evaluate.run';
import { shuffledIndices } from './seeded-shuffle.util';
import type { GradientHook } from '../core/gradient.hook';
import { createBatchStep } from './batch-step.create';
import type { TrainCallbacks, TrainData, TrainOptions, TrainProgress, TrainResult } from './train.types';
import { yieldToEventLoop } from '../core/event-loop.yield';
import { restoreCheckpointTensors, takeCheckpointTensors } from './checkpoint.take';

/** Progress reports are throttled to about two per second. */
const PROGRESS_INTERVAL_MS = 500;

function positiveInt(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${value}`);
}

/** Fails fast, before any training, when data and model cannot fit each other. */
function checkData(model: tf.LayersModel, data: TrainData, probe: ImageDataset | undefined): number {
  const inputShape = model.inputs[0]?.shape;
  const outputShape = model.outputs[0]?.shape;
  const numClasses = outputShape?.[1];
  if (inputShape === undefined || typeof numClasses !== 'number')
    throw new Error('model must have one image input and one [batch, classes] output');
  const check = (split: string, ds: { count: number; height: number; width: number; channels: number }) => {
    if (ds.count < 1) throw new Error(`${split} set is empty`);
    const [, h, w, c] = inputShape;
    if (ds.height !== h || ds.width !== w || ds.channels !== c) {
      throw new Error(`${split} images are ${ds.height}×${ds.width}×${ds.channels}, the model takes ${h}×${w}×${c}`);
    }
  };
  check('train', data.train);
  check('test', data.test);
  if (probe !== undefined) check('probe', probe);
  return numClasses;
}

/**
 * Trains `model` with a hand-written loop (not model.fit, so that the loop can
 * stream scalars, report progress, stop between any two steps and yield to the
 * event loop after every step).
 *
 * Inputs: bytes scaled to [0, 1], then standardised per channel with the mean/std
 * of the whole training set, computed once here and applied to test batches too.
 * Labels are one-hot. The training images are reshuffled every epoch from
 * (seed, epoch); the last batch of an epoch may be smaller so every image is seen.
 * With gradClipNorm each step's gradients are clipped to that global L2 norm before
 * the update (see createTrainStep). With a dataParallel helper thread each batch is split
 * between this thread and the helper (createDataParallelStep): the same updates to float
 * tolerance, on two cores; this thread's model and optimizer stay the run's state. With
 * adaptThreads as well, trials now and then keep whichever of one or two threads is faster.
 *
 * Scalars (step = 1-based global step, wallTime = Date.now()):
 * - train/loss, train/accuracy every logInterval steps: image-weighted means over
 *   the steps since the previous point; a shorter final window is flushed at the end.
 * - test/loss, test/accuracy on the whole test set every evalInterval steps and once
 *   after the last step (unless that step was just evaluated). A stopped run skips
 *   that final evaluation: stopping must be prompt.
 *
 * Looking inside (only what a callback consumes is computed):
 * - With statsInterval, at every multiple of it and at the last step: weights/…,
 *   gradients/… (of that step's loss, read between computing and applying them; the
 *   update is unchanged) and, with a probe, activations/… scalars through onScalars and
 *   their histograms through onHistograms (see LayerInspector). Other steps run exactly
 *   as without statistics.
 * - onSnapshot: the weights after snapshotsPerEpoch evenly spaced steps per epoch and
 *   after the last step; a stopped run also gets one of where it stopped (reading the
 *   weights takes tens of ms, so stopping stays prompt).
 *
 * Durability: with onCheckpoint, a checkpoint (weights, optimizer slots, position in the
 * data order, the open train window) is handed over every checkpointEveryMs of wall time
 * (between two steps, after that step's points were emitted) and where a suspended run
 * stopped. `resume` continues from one: the same config then logs the same steps again, so
 * points already stored for steps after the checkpoint are re-sent unchanged in step and tag.
 */
export async function train(
  model: tf.LayersModel,
  data: TrainData,
  options: TrainOptions,
  callbacks: TrainCallbacks = {},
): Promise<TrainResult> {
  positiveInt('batchSize', options.batchSize);
  positiveInt('epochs', options.epochs);
  positiveInt('evalInterval', options.evalInterval);
  positiveInt('logInterval', options.logInterval);
  const evalBatchSize = options.evalBatchSize ?? Math.max(options.batchSize, 256);
  positiveInt('evalBatchSize', evalBatchSize);
  if (options.statsInterval !== undefined) positiveInt('statsInterval', options.statsInterval);
  const histogramBins = options.histogramBins ?? 30;
  positiveInt('histogramBins', histogramBins);
  const numClasses = checkData(model, data, options.probe);
  const resume = options.resume;
  if (resume !== undefined && (resume.trainCount !== data.train.count || resume.batchSize !== options.batchSize)) {
    throw new Error(
      `checkpoint was taken on ${resume.trainCount} images at batch ${resume.batchSize}; this run has ${data.train.count} at batch ${options.batchSize}`,
    );
  }

  const stats = computeChannelStats(data.train);
  const trainBatches = new BatchBuilder(data.train, stats, numClasses);
  const testBatches = new BatchBuilder(data.test, stats, numClasses);
  const dataParallel = options.dataParallel;
  const step = createBatchStep(model, options.optimizer, {
    imageShape: [data.train.height, data.train.width, data.train.channels],
    classes: numClasses,
    gradClipNorm: options.gradClipNorm,
    dataParallel,
    adaptThreads: options.adaptThreads,
  });

  const trainCount = data.train.count;
  const stepsPerEpoch = Math.ceil(trainCount / options.batchSize);
  const totalSteps = stepsPerEpoch * options.epochs;
  const finalMetrics: Partial<Record<TScalarTag, number>> = {};

  const statsInterval = callbacks.onScalars !== undefined || callbacks.onHistograms !== undefined ? options.statsInterval : undefined;
  const inspector =
    statsInterval !== undefined || callbacks.onSnapshot !== undefined
      ? new LayerInspector(model, stats, histogramBins, options.probe)
      : undefined;
  const isStatsStep = (at: number) => statsInterval !== undefined && (at % statsInterval === 0 || at === totalSteps);
  const snapshotAt =
    callbacks.onSnapshot !== undefined ? snapshotSteps(stepsPerEpoch, options.epochs, options.snapshotsPerEpoch ?? 0) : new Set<number>();
  let lastSnapshotStep = resume?.lastSnapshotStep ?? 0;
  const snapshot = async (at: number) => {
    if (inspector === undefined || callbacks.onSnapshot === undefined) return;
    lastSnapshotStep = at;
    await callbacks.onSnapshot(await inspector.snapshot(at));
  };
  const layerStats = async (at: number) => {
    if (inspector === undefined) return;
    const points = await inspector.collect(at);
    if (points.scalars.length > 0) await callbacks.onScalars?.(points.scalars);
    if (points.histograms.length > 0) await callbacks.onHistograms?.(points.histograms);
  };

  const emit = async (values: Array<[TScalarTag, number]>, at: number) => {
    const wallTime = Date.now();
    const points: TTaggedScalar[] = values.map(([tag, value]) => ({ tag, step: at, wallTime, value }));
    for (const [tag, value] of values) finalMetrics[tag] = value;
    await callbacks.onScalars?.(points);
  };

  // Train window: sums since the last train point.
  let windowLoss = resume?.window.loss ?? 0;
  let windowCorrect = resume?.window.correct ?? 0;
  let windowImages = resume?.window.images ?? 0;
  const flushTrain = async (at: number) => {
    if (windowImages === 0) return;
    await emit(
      [
        ['train/loss', windowLoss / windowImages],
        ['train/accuracy', windowCorrect / windowImages],
      ],
      at,
    );
    windowLoss = 0;
    windowCorrect = 0;
    windowImages = 0;
  };
  let lastEvalStep = resume?.lastEvalStep ?? 0;
  const runEval = async (at: number) => {
    const result = await evaluate(model, testBatches, data.test.count, evalBatchSize);
    lastEvalStep = at;
    await emit(
      [
        ['test/loss', result.loss],
        ['test/accuracy', result.accuracy],
      ],
      at,
    );
  };

  // Progress: throughput over training time only; ETA from whole-run wall time per step.
  const startedAt = Date.now();
  let lastProgressAt = startedAt;
  let progressImages = 0;
  let progressTrainMs = 0;
  const reportProgress = async (epoch: number, at: number) => {
    const now = Date.now();
    const progress: TrainProgress = {
      epoch,
      epochs: options.epochs,
      step: at,
      totalSteps,
      imagesPerSec: progressTrainMs > 0 ? (progressImages * 1000) / progressTrainMs : 0,
      etaSeconds: at > 0 ? ((now - startedAt) / 1000 / at) * (totalSteps - at) : 0,
    };
    lastProgressAt = now;
    progressImages = 0;
    progressTrainMs = 0;
    await callbacks.onProgress?.(progress);
  };

  let lastCheckpointAt = Date.now();
  let lastCheckpointStep = resume?.step ?? 0;
  const checkpoint = async (at: number) => {
    if (callbacks.onCheckpoint === undefined || at === lastCheckpointStep) return;
    const tensors = await takeCheckpointTensors(model, options.optimizer);
    await callbacks.onCheckpoint({
      step: at,
      trainCount,
      batchSize: options.batchSize,
      lastEvalStep,
      lastSnapshotStep,
      window: { loss: windowLoss, correct: windowCorrect, images: windowImages },
      ...tensors,
    });
    lastCheckpointStep = at;
    lastCheckpointAt = Date.now();
  };

  let globalStep = 0;
  let firstStart = 0;
  let epoch = 1;
  if (resume !== undefined) {
    await restoreCheckpointTensors(model, options.optimizer, resume);
    globalStep = resume.step;
    // The data order is a pure function of (seed, epoch): the position is all a resume needs.
    epoch = Math.floor(resume.step / stepsPerEpoch) + 1;
    firstStart = (resume.step % stepsPerEpoch) * options.batchSize;
  }
  // The helper thread starts from this thread's state: fresh, or just restored from the checkpoint.
  await dataParallel?.sync(model, options.optimizer);
  let stopped = false;
  let suspended = false;
  epochs: for (; epoch <= options.epochs; epoch++) {
    const order = shuffledIndices(trainCount, options.seed, epoch - 1);
    for (let start = firstStart; start < trainCount; start += options.batchSize) {
      const stop = await callbacks.shouldStop?.();
      if (stop === true || stop === 'suspend') {
        stopped = true;
        suspended = stop === 'suspend';
        break epochs;
      }
      const end = Math.min(trainCount, start + options.batchSize);
      const statsNow = inspector !== undefined && isStatsStep(globalStep + 1);
      // Time spent summarising gradients is inspection, not training: kept out of imagesPerSec.
      let hookMs = 0;
      let hook: GradientHook | undefined;
      if (statsNow) {
        const inner = inspector.gradientHook(globalStep + 1);
        hook = async (grads) => {
          const t = performance.now();
          await inner(grads);
          hookMs += performance.now() - t;
        };
      }
      const stepStart = performance.now();
      const result = await step({ ...trainBatches.fill(start, end, order), count: end - start }, hook);
      progressTrainMs += performance.now() - stepStart - hookMs;
      globalStep++;
      const images = end - start;
      progressImages += images;
      windowLoss += result.loss * images;
      windowCorrect += result.correct;
      windowImages += images;

      if (globalStep % options.logInterval === 0) await flushTrain(globalStep);
      if (globalStep % options.evalInterval === 0) await runEval(globalStep);
      if (statsNow) await layerStats(globalStep);
      if (snapshotAt.has(globalStep)) await snapshot(globalStep);
      if (Date.now() - lastProgressAt >= PROGRESS_INTERVAL_MS && globalStep < totalSteps) await reportProgress(epoch, globalStep);
      const every = options.checkpointEveryMs;
      if (every !== undefined && globalStep < totalSteps && Date.now() - lastCheckpointAt >= every) await checkpoint(globalStep);
      await yieldToEventLoop();
    }
    firstStart = 0;
  }

  if (suspended) {
    // To be resumed: the open train window goes into the checkpoint instead of an off-interval
    // point, so the resumed run logs exactly the steps an uninterrupted one would.
    if (globalStep > 0) await checkpoint(globalStep);
    return { stopped, suspended, steps: globalStep, finalMetrics };
  }
  await flushTrain(globalStep);
  if (!stopped && lastEvalStep !== globalStep) await runEval(globalStep);
  if (stopped && globalStep > 0 && lastSnapshotStep !== globalStep) await snapshot(globalStep);
  if (globalStep > 0) await reportProgress(Math.min(epoch, options.epochs), globalStep);
  return { stopped, suspended, steps: globalStep, finalMetrics };
}
