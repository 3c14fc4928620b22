import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/backend.select';
import { fuseRecurrentLayers } from '../models/recurrent-fused.patch';
import { optimizerFromSpec } from '../models/optimizer.spec';
import { restoreCheckpointTensors } from './checkpoint.take';
import type { TDataParallelInit, TDataParallelReply, TDataParallelRequest } from './data-parallel.protocol';
import { applyGradients, lossClosure, trainableVariables } from './train-step';

type ModelJson = Parameters<typeof tf.models.modelFromJSON>[0];

/**
 * The helper thread of data-parallel training (see DataParallelHelper): its own wasm instance,
 * so its own core, with a replica of the model built from the main thread's topology and
 * given the main thread's weights and optimizer slots ('sync'). Per step it computes the
 * gradients of its part of the batch into its slot of the shared buffer, then applies the
 * averaged gradients the main thread wrote, with the same kernels on the same numbers as the
 * main thread: the replicas stay identical without exchanging weights.
 */
async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('data-parallel.worker must run in a worker thread');
  const init = workerData as TDataParallelInit;
  const reply = (r: TDataParallelReply) => port.postMessage(r);
  await initBackend('wasm');
  const model = await tf.models.modelFromJSON({ modelTopology: init.topology } as ModelJson);
  // The same LSTM arithmetic as the trainer's replica (built by buildNetwork), so both compute alike.
  fuseRecurrentLayers(model);
  const optimizer = optimizerFromSpec(init.optimizer);
  const variables = trainableVariables(model);
  const params = variables.reduce((n, v) => n + v.size, 0);
  const shared = new Float32Array(init.gradients);
  if (shared.length !== 2 * params) throw new Error(`gradient buffer holds ${shared.length} floats, expected ${2 * params}`);
  const averaged = shared.subarray(0, params);
  const mine = shared.subarray(params);

  const gradients = (req: Extract<TDataParallelRequest, { kind: 'gradients' }>): TDataParallelReply => {
    let correct: tf.Scalar | undefined;
    const x = tf.tensor4d(req.x, req.xShape);
    const y = tf.tensor2d(req.y, req.yShape);
    const { value, grads } = optimizer.computeGradients(
      lossClosure(model, x, y, (c) => (correct = c)),
      variables,
    );
    try {
      let offset = 0;
      for (const v of variables) {
        const g = grads[v.name];
        if (g === undefined) throw new Error(`no gradient for ${v.name}`);
        mine.set(g.dataSync() as Float32Array, offset);
        offset += v.size;
      }
      return { kind: 'gradients', loss: value.dataSync()[0] as number, correct: correct?.dataSync()[0] as number };
    } finally {
      tf.dispose([x, y, value, ...Object.values(grads)]);
      correct?.dispose();
    }
  };

  const apply = (): TDataParallelReply => {
    let offset = 0;
    const named: tf.NamedTensorMap = {};
    for (const v of variables) {
      named[v.name] = tf.tensor(averaged.subarray(offset, offset + v.size), v.shape);
      offset += v.size;
    }
    try {
      applyGradients(optimizer, variables, named, init.gradClipNorm);
    } finally {
      tf.dispose(named);
    }
    return { kind: 'applied', tensors: tf.memory().numTensors };
  };

  port.on('message', (req: TDataParallelRequest) => {
    const answer = async (): Promise<TDataParallelReply> => {
      switch (req.kind) {
        case 'sync':
          await restoreCheckpointTensors(model, optimizer, req);
          return { kind: 'synced' };
        case 'gradients':
          return gradients(req);
        case 'apply':
          return apply();
      }
    };
    // The main thread sends the next request only after this reply: requests never overlap.
    answer().then(reply, (e: unknown) => reply({ kind: 'error', message: e instanceof Error ? e.message : String(e) }));
  });
  reply({ kind: 'ready', params });
}

main().catch((e: unknown) => {
  parentPort?.postMessage({ kind: 'error', message: e instanceof Error ? e.message : String(e) } satisfies TDataParallelReply);
});
