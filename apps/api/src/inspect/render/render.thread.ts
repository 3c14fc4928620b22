// Entry of a render thread (see render.protocol.ts): one task at a time, snapshots kept loaded.
import {
  InspectInputError,
  initBackend,
  loadStoredModel,
  probeLayer,
  renderFilterGrid,
  renderLayerFeatureMaps,
  runTestSet,
  type LoadedModel,
} from '@tensorscope/ml';
import { parentPort, workerData } from 'node:worker_threads';
import { LruCache } from './lru.cache';
import { RenderSnapshotRepository } from './render-snapshot.repository';
import {
  snapshotKey,
  type TSnapshotRef,
  type TFromRender,
  type TRenderFailure,
  type TRenderResult,
  type TRenderThreadInit,
  type TToRender,
} from './render.protocol';

const port = parentPort;
if (!port) throw new Error('render.thread must run in a worker thread');
const init = workerData as TRenderThreadInit;
const env = { cacheDir: init.cacheDir };
const backend = initBackend(init.backend);
// Handled here so a failing backend is not an unhandled rejection killing the thread before a task
// awaits it; each task that needs it then fails with the reason.
backend.catch(() => undefined);
// Evicted models are disposed: a thread's tensor count stays bounded by its slots.
const models = new LruCache<string, LoadedModel>(init.modelSlots, (m) => m.model.dispose());
const snapshots = new RenderSnapshotRepository(init.databaseUrl);
const send = (message: TFromRender) => port.postMessage(message);

/** The snapshot is gone (deleted with its run, or thinned out by retention) since the request was checked. */
class SnapshotGone extends Error {}

/** Set by a task that had to load its snapshot (reported with its answer). */
let loadedSnapshot = false;

async function modelFor(ref: TSnapshotRef): Promise<LoadedModel> {
  const key = snapshotKey(ref);
  const kept = models.get(key);
  if (kept) return kept;
  loadedSnapshot = true;
  const stored = await snapshots.read(ref.runId, ref.step);
  if (!stored) throw new SnapshotGone(`snapshot at step ${ref.step} of run ${ref.runId} not found`);
  const loaded = await loadStoredModel(stored);
  models.set(key, loaded, 1);
  return loaded;
}

async function run({ task, snapshot }: TToRender): Promise<TRenderResult> {
  if (task.kind === 'filter-grid') return { kind: 'png', png: renderFilterGrid(task.kernel, task.options) };
  await backend;
  if (task.kind === 'warm') {
    if (task.config) await runTestSet(task.config, env);
    return { kind: 'warm' };
  }
  if (snapshot === null) throw new Error(`a ${task.kind} task needs a snapshot`);
  const loaded = await modelFor(snapshot);
  if (task.kind === 'feature-maps') {
    return { kind: 'png', png: await renderLayerFeatureMaps(task.config, env, loaded, task.layer, task.image, task.zoom) };
  }
  return { kind: 'probe', probe: await probeLayer(task.config, env, loaded, task.layer, task.image) };
}

const failureOf = (e: unknown): TRenderFailure =>
  e instanceof InspectInputError ? 'input' : e instanceof SnapshotGone ? 'not-found' : 'error';

port.on('message', (message: TToRender) => {
  // One task at a time (the pool sends the next after this one's answer), so the flag is this task's.
  loadedSnapshot = false;
  run(message).then(
    (result) => send({ type: 'done', id: message.id, result, loadedSnapshot }),
    (e: unknown) => {
      const code = (e as { code?: unknown } | null)?.code;
      send({
        type: 'failed',
        id: message.id,
        message: e instanceof Error ? e.message : String(e),
        failure: failureOf(e),
        ...(typeof code === 'string' ? { code } : {}),
      });
    },
  );
});
