import { Injectable } from '@nestjs/common';
import type { TCompareQuery, TCompareSeries, TScalarPoint } from '@tensorscope/shared';
import { smoothBuckets } from './bucket-smooth';
import { decodePackedSeries } from './packed-series.decode';
import { ROLLUP_SHIFTS, rollupShiftFor } from './rollup-levels';
import { ScalarPointRepository } from './scalar-point.repository';
import { ScalarRollupRepository, type SeriesExtent } from './scalar-rollup.repository';
import { transformSeries } from './scalar-series.transform';

/**
 * Raw points one read may take in full. Series are served smallest first from the points
 * themselves (exact smoothing) until this is spent; longer ones come from the rollups.
 * Sized so a 100-run compare stays under a second on a 2-core box (raw reads cost ~3 µs a point).
 */
export const RAW_POINT_BUDGET = 50_000;
/** Series read at once: enough to keep Postgres busy on every core, few enough for the pool. */
const PARALLEL_READS = 8;

/** One series to read. */
export interface TSeriesRef {
  runId: string;
  tag: string;
  /** The run has ended: its series never change again, so its packed overviews may be read. */
  finished: boolean;
}

/** How to read: the step window, output buckets (≈ chart width in pixels) and smoothing. */
export type TDownsampleOptions = Pick<TCompareQuery, 'buckets' | 'fromStep' | 'toStep' | 'smoothing' | 'smoother'>;

const nullable = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * Many series downsampled in one go, each from the cheapest source that loses nothing the plain
 * downsampler would keep: its points (exact), its packed overview (a finished run) or its rollup
 * rows merged in SQL (a live run).
 */
@Injectable()
export class DownsampledSeriesReader {
  constructor(
    private readonly scalars: ScalarPointRepository,
    private readonly rollups: ScalarRollupRepository,
  ) {}

  /** The series that have points in the window, in the order asked. */
  async read(refs: readonly TSeriesRef[], q: TDownsampleOptions): Promise<TCompareSeries[]> {
    const smoothing = (q.smoothing ?? 0) > 0;
    const key = (p: { runId: string; tag: string }) => `${p.runId}\u0000${p.tag}`;
    const inRange = new Map((await this.rollups.extents(refs, q.fromStep, q.toStep)).map((e) => [key(e), e]));
    // Smoothing reads from the first point, whatever the window: count what that costs.
    const fromStart =
      smoothing && q.fromStep !== undefined
        ? new Map((await this.rollups.extents(refs, undefined, q.toStep)).map((e) => [key(e), e]))
        : inRange;

    let budget = this.rawPointBudget;
    const plans = refs
      .map((p) => ({ ...p, extent: inRange.get(key(p)), readCount: fromStart.get(key(p))?.count ?? 0 }))
      .sort((a, b) => a.readCount - b.readCount)
      .map((p) => {
        const shift = p.extent ? rollupShiftFor(spanOf(p.extent, q), q.buckets) : undefined;
        // No rollups yet (an unrolled series) or nothing to gain from them: read the points.
        const raw = !p.extent || shift === undefined || p.readCount <= budget || p.extent.count <= 4 * q.buckets;
        if (raw) budget -= p.readCount;
        return { ...p, raw, shift };
      });

    // Finished runs never change: their rollups are read packed (one value per series and level)
    // in one query per level, instead of row by row.
    const packed = new Map<string, Uint8Array>();
    const byShift = new Map<number, typeof plans>();
    for (const p of plans) if (!p.raw && p.shift !== undefined && p.finished) byShift.set(p.shift, [...(byShift.get(p.shift) ?? []), p]);
    for (const [shift, group] of byShift) for (const [k, data] of await this.rollups.overviews(group, shift)) packed.set(k, data);

    const series = new Map<string, TCompareSeries>();
    await eachLimited(plans, PARALLEL_READS, async (plan) => {
      let s: TCompareSeries | undefined;
      if (plan.raw || plan.shift === undefined) s = await this.fromPoints(plan.runId, plan.tag, q);
      else {
        const data = packed.get(key(plan));
        s = data
          ? await this.fromPacked(plan.runId, plan.tag, plan.extent!, plan.shift, data, q)
          : await this.fromBuckets(plan.runId, plan.tag, plan.extent!, plan.shift, q);
      }
      if (s) series.set(key(plan), s);
    });
    return refs.map((p) => series.get(key(p))).filter((s): s is TCompareSeries => s !== undefined);
  }

  /** Tests lower it to force the rollup path. */
  rawPointBudget = RAW_POINT_BUDGET;

  /** Exact: the single-series transform (smooth the full series, window, extremes downsampling). */
  private async fromPoints(runId: string, tag: string, q: TDownsampleOptions): Promise<TCompareSeries | undefined> {
    const smoothing = (q.smoothing ?? 0) > 0;
    const after = !smoothing && q.fromStep !== undefined ? q.fromStep - 1 : undefined;
    const points = await this.scalars.read(runId, tag, after, q.toStep);
    const windowed = points.filter(
      (p) => (q.fromStep === undefined || p.step >= q.fromStep) && (q.toStep === undefined || p.step <= q.toStep),
    );
    if (windowed.length === 0) return undefined;
    const raw = transformSeries(points, { ...q, smoothing: undefined, tag, buckets: q.buckets });
    const smoothed = smoothing ? transformSeries(points, { ...q, tag, buckets: undefined }) : undefined;
    const byStep = smoothed ? new Map(smoothed.map((p) => [p.step, p.value])) : undefined;
    return {
      runId,
      tag,
      ...columns(raw),
      smoothed: byStep ? raw.map((p) => nullable(byStep.get(p.step)!)) : null,
      smoothedOn: smoothing ? 'full' : null,
      totalPoints: windowed.length,
      downsampled: raw.length < windowed.length,
    };
  }

  /** A finished run's long series straight from its packed overview (one pass, no per-record objects). */
  private async fromPacked(
    runId: string,
    tag: string,
    extent: SeriesExtent,
    shift: number,
    data: Uint8Array,
    q: TDownsampleOptions,
  ): Promise<TCompareSeries | undefined> {
    const { lo, hi } = rangeOf(extent, q);
    const decoded = decodePackedSeries(data, shift, lo, hi, q.buckets);
    if (decoded.steps.length === 0) return undefined;
    const w = q.smoothing ?? 0;
    const perBucket =
      w > 0 ? smoothBuckets(decoded.buckets, w, q.smoother, await this.prefixOf(runId, tag, extent, shift, lo, q)) : undefined;
    return {
      runId,
      tag,
      steps: decoded.steps,
      wallTimes: decoded.wallTimes,
      values: decoded.values,
      smoothed: perBucket ? decoded.pointBucket.map((b) => perBucket[b]!) : null,
      smoothedOn: perBucket ? 'buckets' : null,
      totalPoints: decoded.total,
      downsampled: true,
    };
  }

  /**
   * (count, sum) of the points before lo, for the EMA's state at lo: rollups at a level coarse
   * enough to be a few thousand rows at most. Nothing before the series' first point.
   */
  private prefixOf(runId: string, tag: string, extent: SeriesExtent, shift: number, lo: number, q: TDownsampleOptions) {
    if (lo <= extent.firstStep || q.smoother === 'sma') return Promise.resolve([]);
    const prefixShift =
      ROLLUP_SHIFTS.find((s) => (lo - extent.firstStep) / 2 ** s <= 4 * q.buckets) ?? ROLLUP_SHIFTS[ROLLUP_SHIFTS.length - 1]!;
    return this.rollups.prefix(runId, tag, Math.max(prefixShift, shift), lo);
  }

  /** A live run's long series: rollup rows merged in SQL; extremes exact, smoothing over bucket means. */
  private async fromBuckets(
    runId: string,
    tag: string,
    extent: SeriesExtent,
    shift: number,
    q: TDownsampleOptions,
  ): Promise<TCompareSeries | undefined> {
    const { lo, hi } = rangeOf(extent, q);
    const buckets = await this.rollups.merged(runId, tag, shift, lo, hi, q.buckets);
    if (buckets.length === 0) return undefined;
    const w = q.smoothing ?? 0;
    let bucketSmoothed: (number | null)[] | undefined;
    if (w > 0) {
      bucketSmoothed = smoothBuckets(buckets, w, q.smoother, await this.prefixOf(runId, tag, extent, shift, lo, q));
    }
    const steps: number[] = [];
    const wallTimes: number[] = [];
    const values: (number | null)[] = [];
    const smoothed: (number | null)[] = [];
    let total = 0;
    buckets.forEach((b, i) => {
      total += b.count;
      const points = [b.first, b.min, b.max, b.last].filter((p): p is [number, number, number] => p !== null).sort((x, y) => x[0] - y[0]);
      let prev: number | undefined;
      for (const [step, wall, value] of points) {
        if (step === prev) continue;
        prev = step;
        steps.push(step);
        wallTimes.push(wall);
        values.push(nullable(value));
        if (bucketSmoothed) smoothed.push(bucketSmoothed[i]!);
      }
    });
    return {
      runId,
      tag,
      steps,
      wallTimes,
      values,
      smoothed: bucketSmoothed ? smoothed : null,
      smoothedOn: bucketSmoothed ? 'buckets' : null,
      totalPoints: total,
      downsampled: true,
    };
  }
}

function rangeOf(extent: SeriesExtent, q: TDownsampleOptions): { lo: number; hi: number } {
  return { lo: Math.max(extent.firstStep, q.fromStep ?? extent.firstStep), hi: Math.min(extent.lastStep, q.toStep ?? extent.lastStep) };
}

function spanOf(extent: SeriesExtent, q: TDownsampleOptions): number {
  const { lo, hi } = rangeOf(extent, q);
  return Math.max(1, hi - lo + 1);
}

function columns(points: readonly TScalarPoint[]): Pick<TCompareSeries, 'steps' | 'wallTimes' | 'values'> {
  return { steps: points.map((p) => p.step), wallTimes: points.map((p) => p.wallTime), values: points.map((p) => nullable(p.value)) };
}

/** Runs `fn` over items with at most `limit` in flight. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
