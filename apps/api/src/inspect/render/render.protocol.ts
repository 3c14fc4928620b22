import type { FilterGridOptions, KernelValues, TLayerProbe, TRunDataChoice } from '@tensorscope/ml';
import type { TBackendChoice } from '@tensorscope/shared';

/*
 * Messages between the API process and its render threads (render.thread.ts). Every inspection
 * image that runs TF.js or encodes a large PNG is made there, so a render never stalls the
 * process's event loop (other requests, sockets, database pools). A thread reads the snapshots it
 * needs from Postgres itself, keeps the last ones loaded (as TF.js models) and its decoded test splits.
 */

/** What a thread is told at start (workerData). */
export interface TRenderThreadInit {
  backend: TBackendChoice;
  cacheDir: string;
  databaseUrl: string;
  /** Snapshots kept loaded as models (a LeNet-RGB one holds ~17 MB of weights). */
  modelSlots: number;
}

export type TRenderTask =
  /** Nothing to answer: start the backend and, given a run's data choice, decode its test split, before a render needs them. */
  | { kind: 'warm'; config: TRunDataChoice | null }
  | { kind: 'feature-maps'; config: TRunDataChoice; layer: string; image: number; zoom: number }
  | { kind: 'probe'; config: TRunDataChoice; layer: string; image: number }
  | { kind: 'filter-grid'; kernel: KernelValues; options: FilterGridOptions };

export type TRenderResult = { kind: 'png'; png: Uint8Array } | { kind: 'probe'; probe: TLayerProbe } | { kind: 'warm' };

/** The snapshot a feature-map or probe task runs on. */
export interface TSnapshotRef {
  runId: string;
  step: number;
}

export const snapshotKey = (ref: TSnapshotRef) => `${ref.runId}/${ref.step}`;

export interface TToRender {
  type: 'task';
  id: number;
  snapshot: TSnapshotRef | null;
  task: TRenderTask;
}

/**
 * Why a task failed: `input`, the ml side's InspectInputError (unknown layer, bad image, zoom too
 * big: the caller's 400); `not-found`, the snapshot is gone; `error`, anything else (`code` carries
 * a database error's code, so a database outage is still told apart).
 */
export type TRenderFailure = 'input' | 'not-found' | 'error';

export type TFromRender =
  /** `loadedSnapshot`: the thread read and built the task's snapshot for it (it held it not). */
  | { type: 'done'; id: number; result: TRenderResult; loadedSnapshot: boolean }
  | { type: 'failed'; id: number; message: string; failure: TRenderFailure; code?: string };
