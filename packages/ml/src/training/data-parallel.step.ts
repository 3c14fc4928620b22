import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildModel, type TModelConfig } from '../models/model.build';
import type { TDataParallelInit, TDataParallelReply, TDataParallelRequest } from './data-parallel.protocol';
import type { StepResult } from './train-step';

/**
 * The compiled worker: worker threads run JS, not TS. Next to this file in dist/training;
 * from src (vitest runs the TS sources) the built one in dist, so tests need `tsc -b` first.
 */
const WORKER_FILE = __filename.endsWith('.ts')
  ? path.resolve(__dirname, '..', '..', 'dist', 'training', 'data-parallel.worker.js')
  : path.join(__dirname, 'data-parallel.worker.js');

/** One worker thread and the next reply it owes. */
class Replica {
  private pending: { resolve: (r: TDataParallelReply) => void; reject: (e: Error) => void } | null = null;

  constructor(readonly worker: Worker) {
    worker.on('message', (r: TDataParallelReply) => {
      const p = this.pending;
      this.pending = null;
      if (p === null) return;
      if (r.kind === 'error') p.reject(new Error(`data-parallel worker: ${r.message}`));
      else p.resolve(r);
    });
    worker.on('error', (e) => {
      this.pending?.reject(e);
      this.pending = null;
    });
  }

  next(): Promise<TDataParallelReply> {
    if (this.pending !== null) throw new Error('a data-parallel worker got a second request before replying');
    return new Promise((resolve, reject) => (this.pending = { resolve, reject }));
  }

  ask(req: TDataParallelRequest, transfer: ArrayBuffer[] = []): Promise<TDataParallelReply> {
    const reply = this.next();
    this.worker.postMessage(req, transfer);
    return reply;
  }
}

/**
 * Adam training over both cores: two worker threads, each its own wasm instance with a replica
 * of the model, each taking half of every batch; their gradients are averaged through a
 * SharedArrayBuffer and both replicas apply the average, so the update is the full batch's
 * (up to float summation order). The batch comes as plain arrays (what BatchBuilder fills)
 * and is copied once into each half's message.
 *
 * A measured building block, not yet the trainer's path: snapshots, inspection hooks and
 * checkpoints read the main thread's model, which this does not update.
 */
export class DataParallelStep {
  /** Live tensors in each worker after the last step (they must not grow from step to step). */
  workerTensors: number[] = [];

  private constructor(
    private readonly replicas: [Replica, Replica],
    readonly params: number,
  ) {}

  static async create(config: TModelConfig, learningRate: number): Promise<DataParallelStep> {
    // The parameter count sizes the shared buffer; the model is built on whatever backend is active.
    const model = buildModel(config);
    const params = model.trainableWeights.reduce((n, w) => n + w.read().size, 0);
    model.dispose();
    const gradients = new SharedArrayBuffer(2 * params * 4);
    const replicas = ([0, 1] as const).map((rank) => {
      const workerData: TDataParallelInit = { config, learningRate, rank, gradients };
      return new Replica(new Worker(WORKER_FILE, { workerData }));
    }) as [Replica, Replica];
    const ready = await Promise.all(replicas.map((r) => r.next()));
    for (const r of ready) {
      if (r.kind !== 'ready' || r.params !== params) throw new Error(`data-parallel worker did not start: ${JSON.stringify(r)}`);
    }
    return new DataParallelStep(replicas, params);
  }

  /** One step on `n` images: x is [n, h, w, c] and y [n, classes], flattened; n must be even. */
  async step(x: Float32Array, xShape: [number, number, number, number], y: Float32Array, classes: number): Promise<StepResult> {
    const [n, h, w, c] = xShape;
    if (n % 2 !== 0) throw new Error(`data-parallel step needs an even batch, got ${n}`);
    const half = n / 2;
    const xs = h * w * c;
    const results = await Promise.all(
      this.replicas.map((r, i) => {
        const xHalf = x.slice(i * half * xs, (i + 1) * half * xs);
        const yHalf = y.slice(i * half * classes, (i + 1) * half * classes);
        return r.ask({ kind: 'gradients', x: xHalf, xShape: [half, h, w, c], y: yHalf, yShape: [half, classes] }, [
          xHalf.buffer,
          yHalf.buffer,
        ]);
      }),
    );
    let loss = 0;
    let correct = 0;
    for (const r of results) {
      if (r.kind !== 'gradients') throw new Error(`unexpected reply ${r.kind}`);
      loss += r.loss / 2;
      correct += r.correct;
    }
    const applied = await Promise.all(this.replicas.map((r) => r.ask({ kind: 'apply' })));
    this.workerTensors = applied.map((r) => (r.kind === 'applied' ? r.tensors : -1));
    return { loss, correct };
  }

  async dispose(): Promise<void> {
    await Promise.all(this.replicas.map((r) => r.worker.terminate()));
  }
}
