import type { TDatasetFormat } from '@tensorscope/shared';

/**
 * Messages between the API and a dataset-decode thread: the upload's bytes arrive as they are
 * read from the request (the request thread never holds a whole file), then `end` asks for the
 * decoded summary. Decoding (gunzip, PNG/JPEG, CSV) is CPU work that must not stall the API.
 */
export type TToDecoder =
  | { type: 'chunk'; field: string; data: Uint8Array }
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
}

export type TFromDecoder =
  { type: 'done'; summary: TDecodedSummary } | { type: 'refused'; message: string } | { type: 'failed'; message: string };
