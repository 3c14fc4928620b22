// Entry of a dataset-decode thread (see dataset-decode.protocol.ts): one upload, or one built-in's sample grid, per thread.
import {
  computeChannelStats,
  decodeUpload,
  loadCifar10Split,
  loadMnistSplit,
  renderClassSamples,
  UploadError,
  type TDecodedUpload,
} from '@tensorscope/ml';
import { parentPort } from 'node:worker_threads';
import { SAMPLES_PER_CLASS, type TFromDecoder, type TToDecoder } from './dataset-decode.protocol';

const port = parentPort;
if (!port) throw new Error('dataset-decode.thread must run in a worker thread');

const parts = new Map<string, Uint8Array[]>();
const file = (field: string): Uint8Array => Buffer.concat(parts.get(field) ?? []);

function decode(end: Extract<TToDecoder, { type: 'end' }>): TDecodedUpload {
  return decodeUpload(end.format, file, { classNames: end.classNames, inputShape: end.inputShape });
}

async function builtinSamples(message: Extract<TToDecoder, { type: 'builtin-samples' }>): Promise<Uint8Array> {
  const test =
    message.dataset === 'mnist'
      ? await loadMnistSplit({ split: 'test' })
      : await loadCifar10Split({ variant: 'rgb32', split: 'test', cacheDir: message.cacheDir });
  return renderClassSamples(test, SAMPLES_PER_CLASS);
}

function classCounts(labels: Uint8Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of labels) counts[label]!++;
  return counts;
}

port.on('message', (message: TToDecoder) => {
  if (message.type === 'chunk') {
    const list = parts.get(message.field) ?? [];
    list.push(message.data);
    parts.set(message.field, list);
    return;
  }
  if (message.type === 'builtin-samples') {
    void builtinSamples(message).then(
      (png) => port.postMessage({ type: 'samples', png } satisfies TFromDecoder),
      (e: unknown) => port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies TFromDecoder),
    );
    return;
  }
  let answer: TFromDecoder;
  try {
    const { train, test } = decode(message);
    const stats = computeChannelStats(train);
    answer = {
      type: 'done',
      summary: {
        inputShape: [train.height, train.width, train.channels],
        classNames: [...train.classNames],
        trainSize: train.count,
        testSize: test.count,
        channelMean: stats.mean,
        channelStd: stats.std,
        trainClassCounts: classCounts(train.labels, train.classNames.length),
        testClassCounts: classCounts(test.labels, train.classNames.length),
        samplesPng: renderClassSamples(train, SAMPLES_PER_CLASS),
      },
    };
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    answer = e instanceof UploadError ? { type: 'refused', message: text } : { type: 'failed', message: text };
  }
  parts.clear();
  port.postMessage(answer);
});
