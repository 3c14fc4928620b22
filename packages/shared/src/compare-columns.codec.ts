import { z } from 'zod';
import { ZCompareResult, ZCompareSeries, type TCompareResult, type TCompareSeries } from './compare.schema';

/*
 * The compare answer as binary columns, for the dashboard (GET /api/compare with this media type
 * in Accept; JSON stays the default). A 100-run answer is ~900,000 numbers: as JSON that is 12.9 MB
 * that the API formats number by number and the browser parses back (hundreds of ms each side, on
 * the main thread in the browser). Here the numbers are float64s copied in and out of one buffer.
 *
 * Layout: "TSC1" (u32 LE), the head's byte length (u32 LE), the head (UTF-8 JSON: the answer
 * without its columns, each series with its point count and whether it has a smoothed column),
 * zero padding to a multiple of 8, then per series its steps, wall times, values and (if any)
 * smoothed values as little-endian float64; null (a non-finite value) is NaN.
 * The head is checked with the shared schema's own fields; the columns by one loop each.
 */

export const COMPARE_COLUMNS_MEDIA_TYPE = 'application/vnd.tensorscope.compare-columns';

const MAGIC = 0x31435354; // "TSC1" read as a little-endian u32
const HEAD_AT = 8;

const ZColumnsSeriesHead = ZCompareSeries.omit({ steps: true, wallTimes: true, values: true, smoothed: true }).extend({
  length: z.number().int().min(0),
  smoothed: z.boolean(),
});
const ZColumnsHead = ZCompareResult.omit({ series: true }).extend({ series: z.array(ZColumnsSeriesHead) });
type TColumnsHead = z.infer<typeof ZColumnsHead>;

// Float64Array uses the platform's byte order; the format is little-endian (every platform the
// dashboard and API run on). A big-endian one would read garbage: refuse instead.
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** The answer as one binary buffer (see the layout above). */
export function encodeCompareColumns(result: TCompareResult): Uint8Array<ArrayBuffer> {
  if (!LITTLE_ENDIAN) throw new Error('compare columns need a little-endian platform');
  const head: TColumnsHead = {
    ...result,
    series: result.series.map(({ steps, wallTimes: _w, values: _v, smoothed, ...rest }) => ({
      ...rest,
      length: steps.length,
      smoothed: smoothed !== null,
    })),
  };
  const headBytes = new TextEncoder().encode(JSON.stringify(head));
  const bodyAt = align8(HEAD_AT + headBytes.length);
  let count = 0;
  for (const s of result.series) count += s.steps.length * (s.smoothed ? 4 : 3);
  const buffer = new ArrayBuffer(bodyAt + count * 8);
  const view = new DataView(buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, headBytes.length, true);
  new Uint8Array(buffer, HEAD_AT, headBytes.length).set(headBytes);
  const body = new Float64Array(buffer, bodyAt, count);
  let at = 0;
  const put = (column: readonly (number | null)[], length: number) => {
    if (column.length !== length) throw new Error('compare columns: a series has columns of different lengths');
    for (let i = 0; i < length; i++) body[at++] = column[i] ?? Number.NaN;
  };
  for (const s of result.series) {
    put(s.steps, s.steps.length);
    put(s.wallTimes, s.steps.length);
    put(s.values, s.steps.length);
    if (s.smoothed) put(s.smoothed, s.steps.length);
  }
  return new Uint8Array(buffer);
}

export class CompareColumnsError extends Error {
  override name = 'CompareColumnsError';
}

/** The answer back from its binary form; throws CompareColumnsError when it is not a well-formed one. */
export function decodeCompareColumns(buffer: ArrayBuffer): TCompareResult {
  if (!LITTLE_ENDIAN) throw new CompareColumnsError('compare columns need a little-endian platform');
  if (buffer.byteLength < HEAD_AT) throw new CompareColumnsError('too short');
  const view = new DataView(buffer);
  if (view.getUint32(0, true) !== MAGIC) throw new CompareColumnsError('not a compare-columns answer');
  const headLength = view.getUint32(4, true);
  const bodyAt = align8(HEAD_AT + headLength);
  if (bodyAt > buffer.byteLength || (buffer.byteLength - bodyAt) % 8 !== 0) throw new CompareColumnsError('truncated');
  let headJson: unknown;
  try {
    headJson = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, HEAD_AT, headLength)));
  } catch {
    throw new CompareColumnsError('head is not JSON');
  }
  const parsed = ZColumnsHead.safeParse(headJson);
  if (!parsed.success)
    throw new CompareColumnsError(`head: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`);
  const head = parsed.data;
  let count = 0;
  for (const s of head.series) count += s.length * (s.smoothed ? 4 : 3);
  if (count * 8 !== buffer.byteLength - bodyAt) throw new CompareColumnsError('body length does not match the head');

  const body = new Float64Array(buffer, bodyAt, count);
  let at = 0;
  const numbers = (length: number, int: boolean, what: string): number[] => {
    const out: number[] = new Array<number>(length);
    for (let i = 0; i < length; i++) {
      const v = body[at++]!;
      if (!Number.isFinite(v) || (int && !Number.isInteger(v)))
        throw new CompareColumnsError(`${what}: not a${int ? 'n integer' : ' number'}`);
      out[i] = v;
    }
    return out;
  };
  const nullable = (length: number): (number | null)[] => {
    const out: (number | null)[] = new Array<number | null>(length);
    for (let i = 0; i < length; i++) {
      const v = body[at++]!;
      out[i] = Number.isFinite(v) ? v : null;
    }
    return out;
  };
  const series = head.series.map(({ length, smoothed, ...rest }): TCompareSeries => {
    const steps = numbers(length, true, 'steps');
    const wallTimes = numbers(length, false, 'wallTimes');
    const values = nullable(length);
    return { ...rest, steps, wallTimes, values, smoothed: smoothed ? nullable(length) : null };
  });
  return { ...head, series };
}
