import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as tf from '@tensorflow/tfjs';
import { optimizerSpec } from '../models/optimizer.spec';
import { takeCheckpointTensors } from './checkpoint.take';
import type { TDataParallelInit, TDataParallelReply, TDataParallelRequest } from './data-parallel.protocol';
import { trainableVariables } from './train-step';

/**
 * The compiled worker: worker threads run JS, not TS. Next to this file in dist/training;
 * from src (vitest runs the TS sources) the built one in dist, so tests need `tsc -b` first.
 */
const WORKER_FILE = __filename.endsWith('.ts')
  ? path.resolve(__dirname, '..', '..', 'dist', 'training', 'data-parallel.worker.js')
  : path.join(__dirname, 'data-parallel.worker.js');

type Reply<K extends TDataParallelReply['kind']> = Extract<TDataParallelReply, { kind: K }>;

/**
 * The second core of data-parallel training: one worker thread (data-parallel.worker.ts) with
 * its own wasm instance and a replica of the main thread's model and optimizer. The main thread
 * stays the owner of the run's state (weights, optimizer slots: what evaluation, inspection and
 * checkpoints read); `sync` copies it over, and from then on both apply the same averaged
 * gradients (see createDataParallelStep).
 *
 * A helper that fails (an error in a request, an uncaught exception, the thread exiting) rejects
 * the request in flight and every later one with the reason. `dispose` ends the thread; the
 * caller owns the helper and must dispose it however the run ends.
 */
export class DataParallelHelper {
  /** Helper threads of this process that have not exited yet (none may outlive its run). */
  static running = 0;
  /** Slot 0 of the shared buffer: the averaged gradients both sides apply (the main thread writes it). */
  readonly averaged: Float32Array;
  /** Slot 1: the helper's gradients of its part of the batch. */
  readonly helperGradients: Float32Array;
  /** Live tensors in the helper after its last update (they must not grow from step to step). */
  tensors = 0;
  private pending: { resolve: (r: TDataParallelReply) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  private disposed = false;

  private constructor(
    private readonly worker: Worker,
    gradients: SharedArrayBuffer,
    readonly params: number,
  ) {
    this.averaged = new Float32Array(gradients, 0, params);
    this.helperGradients = new Float32Array(gradients, params * 4, params);
    DataParallelHelper.running++;
    worker.on('message', (r: TDataParallelReply) => {
      if (r.kind === 'error') this.fail(new Error(`training helper thread: ${r.message}`), false);
      else this.settle((p) => p.resolve(r));
    });
    worker.on('error', (e) => this.fail(new Error(`training helper thread: ${e.message}`), true));
    worker.on('exit', (code) => {
      DataParallelHelper.running--;
      if (!this.disposed) this.fail(new Error(`training helper thread stopped unexpectedly (exit code ${code})`), true);
    });
  }

  /** Starts the thread and builds the replica (architecture and optimizer class only: `sync` brings the state). */
  static async start(
    model: tf.LayersModel,
    optimizer: tf.Optimizer,
    options: { gradClipNorm?: number | undefined } = {},
  ): Promise<DataParallelHelper> {
    const params = trainableVariables(model).reduce((n, v) => n + v.size, 0);
    const gradients = new SharedArrayBuffer(2 * params * 4);
    const workerData: TDataParallelInit = {
      topology: model.toJSON(null, false),
      optimizer: optimizerSpec(optimizer),
      gradients,
      ...(options.gradClipNorm !== undefined ? { gradClipNorm: options.gradClipNorm } : {}),
    };
    const helper = new DataParallelHelper(new Worker(WORKER_FILE, { workerData }), gradients, params);
    try {
      const ready = await helper.next();
      if (ready.kind !== 'ready' || ready.params !== params) {
        throw new Error(`training helper thread built a model of ${JSON.stringify(ready)}, expected ${params} parameters`);
      }
      return helper;
    } catch (e) {
      await helper.dispose();
      throw e;
    }
  }

  /** Gives the helper the main thread's weights and optimizer state (at the start and after a resume). */
  async sync(model: tf.LayersModel, optimizer: tf.Optimizer): Promise<void> {
    const state = await takeCheckpointTensors(model, optimizer);
    await this.ask<'synced'>(
      { kind: 'sync', ...state },
      [...state.weights, ...state.optimizer].map((t) => t.data.buffer as ArrayBuffer),
    );
  }

  /** Gradients of the mean loss over these images, into `helperGradients`; the arrays are handed over (transferred). */
  gradients(
    x: Float32Array,
    xShape: [number, number, number, number],
    y: Float32Array,
    yShape: [number, number],
  ): Promise<Reply<'gradients'>> {
    return this.ask<'gradients'>({ kind: 'gradients', x, xShape, y, yShape }, [x.buffer as ArrayBuffer, y.buffer as ArrayBuffer]);
  }

  /** Applies `averaged` to the replica; resolves once it has. */
  async apply(): Promise<void> {
    this.tensors = (await this.ask<'applied'>({ kind: 'apply' })).tensors;
  }

  /** Ends the thread (idempotent); whatever was in flight rejects. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.fail(new Error('training helper thread was shut down'), true);
    await this.worker.terminate();
  }

  private ask<K extends TDataParallelReply['kind']>(req: TDataParallelRequest, transfer: ArrayBuffer[] = []): Promise<Reply<K>> {
    const refused = this.refusal();
    if (refused !== null) return Promise.reject(refused);
    const reply = this.next() as Promise<Reply<K>>;
    try {
      this.worker.postMessage(req, transfer);
    } catch (e) {
      this.fail(e instanceof Error ? e : new Error(String(e)), false);
    }
    return reply;
  }

  private next(): Promise<TDataParallelReply> {
    const refused = this.refusal();
    if (refused !== null) return Promise.reject(refused);
    return new Promise((resolve, reject) => (this.pending = { resolve, reject }));
  }

  private refusal(): Error | null {
    if (this.failure !== null) return this.failure;
    return this.pending !== null ? new Error('training helper thread got a second request before replying') : null;
  }

  private settle(how: (p: NonNullable<DataParallelHelper['pending']>) => void): void {
    const p = this.pending;
    this.pending = null;
    if (p !== null) how(p);
  }

  /** `fatal`: the thread is gone or unusable, so later requests fail too; an error reply only fails its request. */
  private fail(e: Error, fatal: boolean): void {
    if (fatal) this.failure ??= e;
    this.settle((p) => p.reject(e));
  }
}
