import type { FilterGridOptions, KernelValues, StoredModel, TLayerProbe, TRunDataChoice } from '@tensorscope/ml';
import type { TBackendChoice } from '@tensorscope/shared';

/*
 * Messages between the API process and its render threads (render.thread.ts). Every inspection
 * image that runs TF.js or encodes a large PNG is made there, so a render never stalls the
 * process's event loop (other requests, sockets, database pools). A thread keeps the snapshots it
 * loaded (as TF.js models) and its decoded test splits; it asks for a snapshot only when it lacks it.
 */

/** What a thread is told at start (workerData). */
export interface TRenderThreadInit {
  backend: TBackendChoice;
  cacheDir: string;
  /** Snapshots kept loaded as models (a LeNet-RGB one holds ~17 MB of weights). */
  modelSlots: number;
}

export type TRenderTask =
  | { kind: 'feature-maps'; config: TRunDataChoice; layer: string; image: number; zoom: number }
  | { kind: 'probe'; config: TRunDataChoice; layer: string; image: number }
  | { kind: 'filter-grid'; kernel: KernelValues; options: FilterGridOptions };

export type TRenderResult = { kind: 'png'; png: Uint8Array } | { kind: 'probe'; probe: TLayerProbe };

export type TToRender =
  /** `modelKey` names the snapshot a feature-map or probe task runs on; null for tasks without one. */
  | { type: 'task'; id: number; modelKey: string | null; task: TRenderTask }
  /** The answer to need-model: the snapshot, or why there is none (the task then fails). */
  | { type: 'model'; id: number; model: StoredModel }
  | { type: 'no-model'; id: number; message: string };

export type TFromRender =
  | { type: 'need-model'; id: number }
  | { type: 'done'; id: number; result: TRenderResult }
  /** `input`: the ml side's InspectInputError (unknown layer, bad image, zoom too big), the caller's 400. */
  | { type: 'failed'; id: number; message: string; input: boolean };
