import * as tf from '@tensorflow/tfjs';
import { buildModel, createOptimizer, initBackend } from '@tensorscope/ml';

/**
 * The course LeNet's training step (CIFAR RGB 32×32, batch 64, Adam) as a process of its own,
 * on the backend a worker picks (`auto`): the same model and optimizer the trainer builds and
 * the same fused minimize a plain step takes, on a fixed random batch (the data pipeline is not
 * what this measures). Prints each timed step's milliseconds as one JSON line. Args: steps.
 */
async function main(): Promise<void> {
  const steps = Number(process.argv[2] ?? 10);
  const backend = await initBackend('auto');
  const model = buildModel({ model: 'lenet5', variant: 'cifar-rgb32', seed: 1 });
  const optimizer = createOptimizer({ optimizer: 'adam', learningRate: 0.001 });
  const x = tf.randomNormal([64, 32, 32, 3], 0, 1, 'float32', 1);
  const y = tf.oneHot(tf.randomUniform([64], 0, 10, 'int32', 2), 10).toFloat();
  const step = async () => {
    const loss = optimizer.minimize(
      () => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar,
      true,
      model.trainableWeights.map((w) => w.read() as tf.Variable),
    );
    await loss!.data();
    loss!.dispose();
  };
  for (let i = 0; i < 2; i++) await step(); // kernels compiled, memory allocated
  const ms: number[] = [];
  for (let i = 0; i < steps; i++) {
    const t0 = performance.now();
    await step();
    ms.push(performance.now() - t0);
  }
  process.stdout.write(`${JSON.stringify({ backend, ms })}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
