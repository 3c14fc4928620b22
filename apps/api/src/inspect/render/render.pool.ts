import type { StoredModel } from '@tensorscope/ml';
import { Worker } from 'node:worker_threads';
import type { TFromRender, TRenderResult, TRenderTask, TRenderThreadInit, TToRender } from './render.protocol';

/** The ml side refused the task's input (unknown layer, bad image index, zoom too big): the caller's 400. */
export class RenderInputError extends Error {}

/** The thread died (a wasm abort, out of memory) or overran its time during the task; it is replaced. */
export class RenderThreadError extends Error {}

interface Job {
  id: number;
  task: TRenderTask;
  modelKey: string | null;
  loadModel: () => Promise<StoredModel>;
  resolve: (result: TRenderResult) => void;
  reject: (e: Error) => void;
  /** Answered already (a model that could not load): the thread's own answer is then only a "free" signal. */
  settled: boolean;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** Snapshots this thread has loaded, newest last (tasks on them go here first). */
  models: string[];
}

export interface RenderPoolOptions {
  entry: string;
  threads: number;
  /** A task running longer than this kills its thread (a hung render must not hold its request for ever). */
  timeoutMs: number;
  init: TRenderThreadInit;
}

/**
 * A small supervised pool of render threads. Tasks wait in one FIFO queue; a free thread takes the
 * next one, preferring the thread that already holds the task's snapshot. A thread that crashes,
 * exits or overruns fails only its task (RenderThreadError) and is started afresh for the next.
 */
export class RenderPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Tasks handed to a thread so far (the cache tests read it: a hit must not render). */
  tasksStarted = 0;

  constructor(private readonly options: RenderPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.threads) }, () => ({ worker: null, job: null, timer: null, models: [] }));
  }

  /** Runs `task` in a thread; `loadModel` reads the snapshot when the thread does not hold `modelKey` yet. */
  run(task: TRenderTask, modelKey: string | null, loadModel: () => Promise<StoredModel>): Promise<TRenderResult> {
    if (this.closed) return Promise.reject(new RenderThreadError('the render pool is shut down'));
    return new Promise<TRenderResult>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, modelKey, loadModel, resolve, reject, settled: false });
      this.dispatch();
    });
  }

  /** Threads working on a task now. */
  get busy(): number {
    return this.slots.filter((s) => s.job !== null).length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new RenderThreadError('the render pool is shut down'));
    await Promise.all(this.slots.map((slot) => this.stop(slot, new RenderThreadError('the render pool is shut down'))));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = this.slots.filter((s) => s.job === null);
      if (idle.length === 0) return;
      const job = this.queue.shift()!;
      const slot = idle.find((s) => job.modelKey !== null && s.models.includes(job.modelKey)) ?? idle[0]!;
      this.start(slot, job);
    }
  }

  private start(slot: Slot, job: Job): void {
    const worker = slot.worker ?? this.spawn(slot);
    slot.job = job;
    slot.timer = setTimeout(() => {
      void this.stop(
        slot,
        new RenderThreadError(`the render took longer than ${this.options.timeoutMs / 1000} s; its thread was restarted`),
      );
    }, this.options.timeoutMs);
    slot.timer.unref();
    this.tasksStarted += 1;
    worker.postMessage({ type: 'task', id: job.id, modelKey: job.modelKey, task: job.task } satisfies TToRender);
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(this.options.entry, { workerData: this.options.init });
    slot.worker = worker;
    slot.models = [];
    worker.on('message', (message: TFromRender) => this.onMessage(slot, worker, message));
    worker.on('error', (e) => {
      if (slot.worker === worker) void this.stop(slot, new RenderThreadError(`the render thread crashed: ${e.message}`));
    });
    worker.on('exit', (code) => {
      if (slot.worker === worker) void this.stop(slot, new RenderThreadError(`the render thread exited (code ${code})`));
    });
    return worker;
  }

  /** Ends the slot's thread, failing its task with `reason`; the next task starts a fresh thread. */
  private async stop(slot: Slot, reason: RenderThreadError): Promise<void> {
    const worker = slot.worker;
    slot.worker = null;
    slot.models = [];
    this.finish(slot, (job) => job.reject(reason));
    await worker?.terminate();
  }

  /** Frees the slot, settles its job (once) and hands the slot the next task. */
  private finish(slot: Slot, settle: (job: Job) => void): void {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    if (job && !job.settled) {
      job.settled = true;
      settle(job);
    }
    if (!this.closed) this.dispatch();
  }

  private onMessage(slot: Slot, worker: Worker, message: TFromRender): void {
    const job = slot.job;
    if (slot.worker !== worker || !job || job.id !== message.id) return;
    if (message.type === 'need-model') {
      job.loadModel().then(
        (model) => {
          if (slot.worker !== worker || slot.job !== job) return;
          // The weights move to the thread (transferred, not copied); the caller read them for this task only.
          worker.postMessage({ type: 'model', id: job.id, model } satisfies TToRender, [
            ...new Set(model.tensors.map((t) => t.data.buffer as ArrayBuffer)),
          ]);
          slot.models = [...slot.models.filter((k) => k !== job.modelKey), job.modelKey!].slice(-this.options.init.modelSlots);
        },
        (e: unknown) => {
          // Answered now (a 404 keeps its shape); the thread's "failed" that follows only frees the slot.
          job.settled = true;
          job.reject(e instanceof Error ? e : new Error(String(e)));
          if (slot.worker === worker) worker.postMessage({ type: 'no-model', id: job.id, message: String(e) } satisfies TToRender);
        },
      );
    } else if (message.type === 'done') {
      this.finish(slot, (j) => j.resolve(message.result));
    } else {
      this.finish(slot, (j) => j.reject(message.input ? new RenderInputError(message.message) : new Error(message.message)));
    }
  }
}
