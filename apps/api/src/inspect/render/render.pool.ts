import { Worker } from 'node:worker_threads';
import {
  snapshotKey,
  type TFromRender,
  type TRenderResult,
  type TRenderTask,
  type TRenderThreadInit,
  type TSnapshotRef,
  type TToRender,
} from './render.protocol';

/** The ml side refused the task's input (unknown layer, bad image index, zoom too big): the caller's 400. */
export class RenderInputError extends Error {}

/** The task's snapshot was gone when its thread went to read it. */
export class RenderNotFoundError extends Error {}

/** The thread died (a wasm abort, out of memory) or overran its time during the task; it is replaced. */
export class RenderThreadError extends Error {}

interface Job {
  id: number;
  task: TRenderTask;
  snapshot: TSnapshotRef | null;
  resolve: (result: TRenderResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** Snapshots this thread has loaded lately, newest last (tasks on them go here first). */
  snapshots: string[];
}

export interface RenderPoolOptions {
  entry: string;
  threads: number;
  /** A task running longer than this kills its thread (a hung render must not hold its request for ever). */
  timeoutMs: number;
  init: TRenderThreadInit;
}

/**
 * A small supervised pool of render threads. Tasks wait in one queue, first come first served except
 * that filter grids pass snapshot renders; a free thread takes the next one, preferring the thread
 * that already holds the task's snapshot. A thread that crashes,
 * exits or overruns fails only its task (RenderThreadError) and is started afresh for the next.
 */
export class RenderPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Snapshots read and built by the threads so far (tests and the bench: a kept one is not read again). */
  snapshotLoads = 0;

  constructor(private readonly options: RenderPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.threads) }, () => ({ worker: null, job: null, timer: null, snapshots: [] }));
  }

  /** Runs `task` in a thread; `snapshot`: the one a feature-map or probe task runs on (the thread reads it when it lacks it). */
  run(task: TRenderTask, snapshot: TSnapshotRef | null): Promise<TRenderResult> {
    if (this.closed) return Promise.reject(new RenderThreadError('the render pool is shut down'));
    return new Promise<TRenderResult>((resolve, reject) => {
      const job = { id: this.nextId++, task, snapshot, resolve, reject };
      // A filter grid is tens of milliseconds of plain JS: it goes before the snapshot renders waiting
      // (each up to a second), so the Layers tab's filter slider stays quick while feature maps load.
      const before = task.kind === 'filter-grid' ? this.queue.findIndex((j) => j.snapshot !== null) : -1;
      if (before === -1) this.queue.push(job);
      else this.queue.splice(before, 0, job);
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
      const key = job.snapshot && snapshotKey(job.snapshot);
      const slot = idle.find((s) => key !== null && s.snapshots.includes(key)) ?? idle[0]!;
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
    if (job.snapshot) {
      const key = snapshotKey(job.snapshot);
      slot.snapshots = [...slot.snapshots.filter((k) => k !== key), key].slice(-this.options.init.modelSlots);
    }
    worker.postMessage({ type: 'task', id: job.id, snapshot: job.snapshot, task: job.task } satisfies TToRender);
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(this.options.entry, { workerData: this.options.init });
    slot.worker = worker;
    slot.snapshots = [];
    worker.on('message', (message: TFromRender) => {
      if (slot.worker === worker && slot.job?.id === message.id) this.finish(slot, message);
    });
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
    this.finish(slot, reason);
    await worker?.terminate();
  }

  /** Frees the slot, settles its job with the thread's answer (or `reason`) and hands the slot the next task. */
  private finish(slot: Slot, outcome: TFromRender | RenderThreadError): void {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    if (job) {
      if (outcome instanceof Error) job.reject(outcome);
      else if (outcome.type === 'done') {
        if (outcome.loadedSnapshot) this.snapshotLoads += 1;
        job.resolve(outcome.result);
      } else job.reject(failure(outcome));
    }
    if (!this.closed) this.dispatch();
  }
}

/** The thread's failure as the error the caller tells apart (a database error keeps its code for the outage check). */
function failure(message: Extract<TFromRender, { type: 'failed' }>): Error {
  if (message.failure === 'input') return new RenderInputError(message.message);
  if (message.failure === 'not-found') return new RenderNotFoundError(message.message);
  return Object.assign(new Error(message.message), message.code !== undefined ? { code: message.code } : {});
}
