import * as tf from '@tensorflow/tfjs';
import type { BatchBuilder } from './batch.build';
import { countCorrect } from './train-step';

export interface EvalResult {
  /** Mean softmax cross-entropy per image. */
  loss: number;
  accuracy: number;
}

/**
 * Loss and accuracy over all `count` images the builder serves, in batches (no
 * gradients, so only one batch of activations is alive). Yields to the event
 * loop between batches: a full CIFAR-10 test pass takes seconds on wasm and the
 * worker's sockets must keep running meanwhile.
 */
export async function evaluate(model: tf.LayersModel, batches: BatchBuilder, count: number, batchSize: number): Promise<EvalResult> {
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < count; start += batchSize) {
    const end = Math.min(count, start + batchSize);
    const [lossT, correctT] = tf.tidy(() => {
      const { x, y } = batches.build(start, end);
      const logits = model.apply(x, { training: false }) as tf.Tensor2D;
      return [tf.losses.softmaxCrossEntropy(y, logits, undefined, undefined, tf.Reduction.SUM), countCorrect(logits, y)];
    });
    const [l, c] = await Promise.all([lossT.data(), correctT.data()]);
    lossT.dispose();
    correctT.dispose();
    lossSum += l[0] as number;
    correct += c[0] as number;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { loss: lossSum / count, accuracy: correct / count };
}
