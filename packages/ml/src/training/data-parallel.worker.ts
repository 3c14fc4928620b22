import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/backend.select';
import { buildModel } from '../models/model.build';
import { createOptimizer } from '../models/optimizer.factory';
import type { TDataParallelInit, TDataParallelReply, TDataParallelRequest } from './data-parallel.protocol';
import { countCorrect } from './train-step';

/**
 * One of two data-parallel workers: its own wasm instance (one core), a replica of the model
 * built from the same seeded config (so both start with identical weights) and its own Adam.
 * Per step: gradients of its half batch into its slot of the shared buffer; then, once the
 * main thread says both halves are in, the average of both slots applied by its optimizer.
 * Both replicas apply the same averaged gradients with the same deterministic kernels, so
 * they stay identical without ever exchanging weights.
 */
async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('data-parallel.worker must run in a worker thread');
  const init = workerData as TDataParallelInit;
  const reply = (r: TDataParallelReply) => port.postMessage(r);
  await initBackend('wasm');
  const model = buildModel(init.config);
  const optimizer = createOptimizer({ optimizer: 'adam', learningRate: init.learningRate });
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const params = variables.reduce((n, v) => n + v.size, 0);
  const shared = new Float32Array(init.gradients);
  if (shared.length !== 2 * params) throw new Error(`gradient buffer holds ${shared.length} floats, expected ${2 * params}`);
  const mine = init.rank * params;

  port.on('message', (req: TDataParallelRequest) => {
    try {
      if (req.kind === 'gradients') {
        let correct: tf.Scalar | undefined;
        const x = tf.tensor4d(req.x, req.xShape);
        const y = tf.tensor2d(req.y, req.yShape);
        const { value, grads } = optimizer.computeGradients(() => {
          const logits = model.apply(x, { training: true }) as tf.Tensor2D;
          correct = tf.keep(countCorrect(logits, y));
          return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
        }, variables);
        let offset = mine;
        for (const v of variables) {
          const g = grads[v.name];
          if (g === undefined) throw new Error(`no gradient for ${v.name}`);
          shared.set(g.dataSync() as Float32Array, offset);
          offset += v.size;
        }
        const loss = value.dataSync()[0] as number;
        const right = correct?.dataSync()[0] as number;
        tf.dispose([x, y, value, ...Object.values(grads)]);
        correct?.dispose();
        reply({ kind: 'gradients', loss, correct: right });
      } else {
        let offset = 0;
        const averaged = variables.map((v) => {
          const avg = new Float32Array(v.size);
          for (let i = 0; i < v.size; i++) avg[i] = 0.5 * ((shared[offset + i] as number) + (shared[params + offset + i] as number));
          offset += v.size;
          return { name: v.name, tensor: tf.tensor(avg, v.shape) };
        });
        optimizer.applyGradients(averaged);
        tf.dispose(averaged.map((a) => a.tensor));
        reply({ kind: 'applied', tensors: tf.memory().numTensors });
      }
    } catch (e) {
      reply({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  });
  reply({ kind: 'ready', params });
}

main().catch((e: unknown) => {
  parentPort?.postMessage({ kind: 'error', message: e instanceof Error ? e.message : String(e) } satisfies TDataParallelReply);
});
