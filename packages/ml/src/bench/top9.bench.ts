import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/backend.select';
import { loadCifar10Split } from '../datasets/cifar10.loader';
import { buildLenet5 } from '../models/lenet5.model';
import { computeChannelStats } from '../core/channel-stats.compute';
import { datasetImage } from '../visualize/dataset-image.select';
import { deconvProject } from '../visualize/deconv.project';
import { topActivations } from '../visualize/top-activations.compute';
import { dataCacheDir } from './data-cache.dir';

/**
 * Zeiler & Fergus top-9 search on wasm: for each conv layer of LeNet-5 cifar-gray28, the 9
 * strongest test images of every feature map over all 10,000 CIFAR-10 test images, then the
 * deconv projection of every one of them (what the API's visualisation job computes).
 * Goal: under 60 s per layer for the search. Speed goals live here, never in timed tests.
 *
 *   pnpm --filter @tensorscope/ml bench      (runs every bench)
 *   BENCH_TOP9_BATCH=128 node dist/bench/top9.bench.js
 *
 * The model is untrained (seeded): the cost depends on shapes, not on weight values. The
 * normalisation uses the test split's own stats, which a run would not (it stores the
 * training set's), but for timing any stats do.
 */

const TARGET_S = 60;

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

async function main(): Promise<void> {
  if ((await initBackend('wasm')) !== 'wasm') throw new Error('wasm backend did not initialise');
  const batchSize = envInt('BENCH_TOP9_BATCH', 256);
  const test = await loadCifar10Split({ variant: 'gray28', cacheDir: dataCacheDir(), split: 'test' });
  const channelStats = computeChannelStats(test);
  const model = buildLenet5({ variant: 'cifar-gray28', seed: 1 });
  // Warm-up: XNNPACK operator setup for both batch shapes.
  await topActivations(model, test, 'conv2', 9, { channelStats, batchSize, indices: [...Array(batchSize + 1).keys()] });

  const rows: string[] = [];
  let worst = 0;
  for (const layer of ['conv1', 'conv2']) {
    const tensorsBefore = tf.memory().numTensors;
    const t0 = performance.now();
    const top = await topActivations(model, test, layer, 9, { channelStats, batchSize });
    const searchS = (performance.now() - t0) / 1000;
    const leaked = tf.memory().numTensors - tensorsBefore;
    worst = Math.max(worst, searchS);

    const t1 = performance.now();
    let projections = 0;
    for (const [featureMap, list] of top.featureMaps.entries()) {
      for (const entry of list) {
        await deconvProject(model, datasetImage(test, entry.image, channelStats), layer, featureMap);
        projections++;
      }
    }
    const projectMs = (performance.now() - t1) / projections;
    const line = `${layer}: top-9 of ${top.featureMaps.length} maps over ${test.count} images in ${searchS.toFixed(1)} s (batch ${batchSize}, tensors +${leaked}); ${projections} deconv projections at ${projectMs.toFixed(1)} ms each (${((projectMs * projections) / 1000).toFixed(1)} s)`;
    console.log(line);
    rows.push(line);
  }
  model.dispose();
  console.log(`\nTop-9 search on wasm, LeNet-5 cifar-gray28, CIFAR-10 test set (node ${process.version}, ${process.arch})`);
  for (const r of rows) console.log(`  ${r}`);
  console.log(`target < ${TARGET_S} s per layer: ${worst < TARGET_S ? 'met' : 'NOT met'} (worst ${worst.toFixed(1)} s)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
