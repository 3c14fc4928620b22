import {
  COMPARE_COLUMNS_MEDIA_TYPE,
  decodeCompareColumns,
  smoothEma,
  type TApiError,
  type TCompareResult,
  type TRun,
  type TTaggedScalar,
} from '@tensorscope/shared';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { authedFetch, http, useTestApi } from '../../test/api.harness';
import { PrismaService } from '../prisma/prisma.service';
import { DownsampledSeriesReader } from '../scalars/downsampled-series.reader';
import { ScalarRollupRepository } from '../scalars/scalar-rollup.repository';
import { ScalarStore } from '../scalars/scalar.store';

/** A noisy falling curve with two spikes and a NaN, logged every `every` steps. */
function series(tag: string, n: number, every: number): TTaggedScalar[] {
  return Array.from({ length: n }, (_, i) => {
    let value = 2 * Math.exp(-i / (n / 3)) + 0.1 * Math.sin(i * 1.7);
    if (i === Math.floor(n * 0.37)) value = 50; // a spike a downsampler must not hide
    if (i === Math.floor(n * 0.71)) value = -20;
    if (i === Math.floor(n * 0.5)) value = Number.NaN;
    return { tag, step: i * every, wallTime: 1_700_000_000_000 + i * 10, value };
  });
}

describe('compare REST API', () => {
  const api = useTestApi();
  let runs: TRun[];
  const long = series('train/loss', 30_000, 10);
  const short = series('train/loss', 900, 10);

  beforeAll(async () => {
    const create = (name: string) =>
      http<TRun>(api.base, '/api/runs', { body: { name, model: 'lstm', trainSubset: 600, evalSubset: 200 } });
    runs = [(await create(`cmp-${randomUUID()}`)).body, (await create(`cmp-${randomUUID()}`)).body];
    const scalars = api.app.get(ScalarStore);
    // In uneven batches, as a worker flushes: the rollups are maintained incrementally.
    for (let i = 0; i < long.length; i += 977) await scalars.append(runs[0]!.id, long.slice(i, i + 977));
    await scalars.append(runs[1]!.id, short);
  });

  const compare = (query: string) => http<TCompareResult>(api.base, `/api/compare?${query}`);

  it('answers every run × tag, names missing runs, and is exact for a series that fits', async () => {
    const missing = randomUUID();
    const res = await compare(`runs=${runs[1]!.id},${missing}&tags=train/loss,test/accuracy&buckets=1000`);
    expect(res.status).toBe(200);
    expect(res.body.missingRuns).toEqual([missing]);
    expect(res.body.series).toHaveLength(1); // test/accuracy has no points
    const s = res.body.series[0]!;
    expect(s.steps).toEqual(short.map((p) => p.step));
    expect(s.values[450]).toBeNull(); // the NaN
    expect(s.values[333]).toBe(50);
    expect([s.downsampled, s.totalPoints, s.smoothed]).toEqual([false, 900, null]);
  });

  it('smooths on the full series exactly as TensorBoard while the raw budget lasts', async () => {
    const res = await compare(`runs=${runs[1]!.id}&tags=train/loss&smoothing=0.6&buckets=50`);
    const s = res.body.series[0]!;
    expect(s.smoothedOn).toBe('full');
    expect(s.downsampled).toBe(true);
    const exact = smoothEma(
      short.map((p) => p.value),
      0.6,
    );
    const byStep = new Map(short.map((p, i) => [p.step, exact[i]!]));
    s.steps.forEach((step, i) => {
      const want = byStep.get(step)!;
      if (Number.isFinite(want)) expect(s.smoothed![i]).toBeCloseTo(want, 9);
      else expect(s.smoothed![i]).toBeNull();
    });
    expect(s.values).toContain(50);
    expect(s.values).toContain(-20);
  });

  it('serves long series from rollups: extremes kept, bounded size, smoothing close to exact', async () => {
    const service = api.app.get(DownsampledSeriesReader);
    const exactRes = await compare(`runs=${runs[0]!.id}&tags=train/loss&buckets=200&smoothing=0.9`);
    service.rawPointBudget = 0;
    try {
      const res = await compare(`runs=${runs[0]!.id}&tags=train/loss&buckets=200&smoothing=0.9`);
      const s = res.body.series[0]!;
      expect(s.smoothedOn).toBe('buckets');
      expect(s.totalPoints).toBe(long.length);
      expect(s.steps.length).toBeLessThanOrEqual(4 * 200);
      expect(s.steps.length).toBeGreaterThan(200);
      expect(Math.max(...(s.values.filter((v) => v !== null) as number[]))).toBe(50);
      expect(Math.min(...(s.values.filter((v) => v !== null) as number[]))).toBe(-20);
      expect(s.steps[0]).toBe(0);
      expect(s.steps.at(-1)).toBe(long.at(-1)!.step);
      expect([...s.steps].sort((a, b) => a - b)).toEqual(s.steps);
      // Bucketed smoothing follows the exact curve: compare at the steps both answers share.
      const exact = exactRes.body.series[0]!;
      expect(exact.smoothedOn).toBe('full');
      const exactAt = new Map(exact.steps.map((st, i) => [st, exact.smoothed![i]]));
      const diffs = s.steps
        .map((st, i) => [exactAt.get(st), s.smoothed![i]] as const)
        .filter((pair): pair is readonly [number, number] => typeof pair[0] === 'number' && typeof pair[1] === 'number')
        .map(([a, b]) => Math.abs(a - b));
      expect(diffs.length).toBeGreaterThan(50);
      // Away from the spikes bucket means (≤ 8 points per bucket here) track the exact curve closely;
      // next to a spike the exact EMA depends on where in its bucket the spike fell (≤ a few units).
      diffs.sort((a, b) => a - b);
      expect(diffs[Math.floor(diffs.length * 0.9)]).toBeLessThan(0.05);
      expect(diffs.at(-1)).toBeLessThan(5);

      // Once the run is finished and sealed its rollups are read packed: the very same answer.
      const prisma = api.app.get(PrismaService).client;
      await prisma.run.update({ where: { id: runs[0]!.id }, data: { status: 'completed' } });
      await api.app.get(ScalarStore).seal(runs[0]!.id);
      expect(await prisma.scalarOverview.count({ where: { runId: runs[0]!.id } })).toBe(7);
      const packed = await compare(`runs=${runs[0]!.id}&tags=train/loss&buckets=200&smoothing=0.9`);
      expect(packed.body).toEqual(res.body);
      const packedZoom = await compare(`runs=${runs[0]!.id}&tags=train/loss&buckets=100&fromStep=100000&toStep=160000`);
      const packedSma = await compare(`runs=${runs[0]!.id}&tags=train/loss&buckets=150&smoothing=0.8&smoother=sma`);
      await prisma.run.update({ where: { id: runs[0]!.id }, data: { status: 'queued' } });
      expect(packedZoom.body).toEqual(
        (await compare(`runs=${runs[0]!.id}&tags=train/loss&buckets=100&fromStep=100000&toStep=160000`)).body,
      );
      expect(packedSma.body).toEqual((await compare(`runs=${runs[0]!.id}&tags=train/loss&buckets=150&smoothing=0.8&smoother=sma`)).body);

      // A window: only that range, with detail again.
      const zoom = await compare(`runs=${runs[0]!.id}&tags=train/loss&buckets=100&fromStep=100000&toStep=160000`);
      const z = zoom.body.series[0]!;
      expect(z.steps[0]).toBeGreaterThanOrEqual(100000 - 4096);
      expect(z.steps.at(-1)).toBeLessThanOrEqual(160000 + 4096);
      expect(z.values).toContain(50); // the spike at step 111,000
    } finally {
      service.rawPointBudget = Number.POSITIVE_INFINITY;
    }
  });

  it('answers the same as binary columns when the dashboard asks for them', async () => {
    const query = `runs=${runs[0]!.id},${runs[1]!.id},${randomUUID()}&tags=train/loss&buckets=1000&smoothing=0.6`;
    const json = await compare(query);
    const res = await authedFetch(`${api.base}/api/compare?${query}`, { headers: { accept: COMPARE_COLUMNS_MEDIA_TYPE } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(COMPARE_COLUMNS_MEDIA_TYPE);
    expect(res.headers.get('vary')).toMatch(/accept/i);
    expect(res.headers.get('server-timing')).toMatch(/^read;dur=[\d.]+, encode;dur=[\d.]+$/);
    const bytes = await res.arrayBuffer();
    expect(bytes.byteLength).toBe(Number(res.headers.get('content-length')));
    expect(decodeCompareColumns(bytes)).toEqual(json.body);
    expect(json.body.series.some((s) => s.values.includes(null))).toBe(true); // the NaN comes through as null both ways
  });

  it('keeps incremental rollups equal to a rebuild from the points', async () => {
    const prisma = api.app.get(PrismaService).client;
    const snapshot = () =>
      prisma.scalarRollup.findMany({ where: { runId: runs[0]!.id }, orderBy: [{ tag: 'asc' }, { width: 'asc' }, { bucket: 'asc' }] });
    const incremental = await snapshot();
    expect(incremental.length).toBeGreaterThan(4000);
    await prisma.scalarRollup.deleteMany({ where: { runId: runs[0]!.id } });
    await api.app.get(ScalarRollupRepository).rebuildRun(runs[0]!.id);
    const rebuilt = await snapshot();
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(incremental));
  });

  it('rejects malformed queries with the error shape', async () => {
    for (const q of [
      'tags=train/loss',
      `runs=${runs[0]!.id}`,
      `runs=nope&tags=train/loss`,
      `runs=${runs[0]!.id}&tags=..bad`,
      `runs=${runs[0]!.id}&tags=train/loss&smoothing=1`,
    ]) {
      const res = await http<TApiError>(api.base, `/api/compare?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });
});
