// Entry of a render thread (see render.protocol.ts): one task at a time, snapshots kept loaded.
import {
  InspectInputError,
  initBackend,
  loadStoredModel,
  probeLayer,
  renderFilterGrid,
  renderLayerFeatureMaps,
  type LoadedModel,
  type StoredModel,
} from '@tensorscope/ml';
import { parentPort, workerData } from 'node:worker_threads';
import { LruCache } from './lru.cache';
import type { TFromRender, TRenderResult, TRenderThreadInit, TToRender } from './render.protocol';

const port = parentPort;
if (!port) throw new Error('render.thread must run in a worker thread');
const init = workerData as TRenderThreadInit;
const env = { cacheDir: init.cacheDir };
const backend = initBackend(init.backend);
// Evicted models are disposed: a thread's tensor count stays bounded by its slots.
const models = new LruCache<string, LoadedModel>(init.modelSlots, (m) => m.model.dispose());
const waiting = new Map<number, { resolve: (m: StoredModel) => void; reject: (e: Error) => void }>();
const send = (message: TFromRender) => port.postMessage(message);

async function modelFor(id: number, key: string): Promise<LoadedModel> {
  const kept = models.get(key);
  if (kept) return kept;
  const stored = await new Promise<StoredModel>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    send({ type: 'need-model', id });
  });
  const loaded = await loadStoredModel(stored);
  models.set(key, loaded, 1);
  return loaded;
}

async function run(message: Extract<TToRender, { type: 'task' }>): Promise<TRenderResult> {
  const { task, id, modelKey } = message;
  if (task.kind === 'filter-grid') return { kind: 'png', png: renderFilterGrid(task.kernel, task.options) };
  await backend;
  if (modelKey === null) throw new Error(`a ${task.kind} task needs a snapshot`);
  const loaded = await modelFor(id, modelKey);
  if (task.kind === 'feature-maps') {
    return { kind: 'png', png: await renderLayerFeatureMaps(task.config, env, loaded, task.layer, task.image, task.zoom) };
  }
  return { kind: 'probe', probe: await probeLayer(task.config, env, loaded, task.layer, task.image) };
}

port.on('message', (message: TToRender) => {
  if (message.type === 'task') {
    run(message).then(
      (result) => send({ type: 'done', id: message.id, result }),
      (e: unknown) =>
        send({
          type: 'failed',
          id: message.id,
          message: e instanceof Error ? e.message : String(e),
          input: e instanceof InspectInputError,
        }),
    );
  } else {
    const waiter = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.type === 'model') waiter?.resolve(message.model);
    else waiter?.reject(new Error(message.message));
  }
});
