import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { apiFetch } from '../api-auth';
import { PG_PORT } from '../playwright.config';

/**
 * Issue 4's goal: compare-view request + first render of 100 runs × 100,000 points, seeded
 * straight into Postgres, under 1 s. Reports the API answer alone (cold and warm) and, in the
 * browser, from the compare request's start to the chart drawn with all 100 lines.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const POINTS = Number(process.env.BENCH_POINTS ?? 100_000);

test('compare view: 100 runs × 100,000 points', async ({ page }) => {
  const root = join(__dirname, '..', '..');
  const seedOut = execFileSync(process.execPath, [join(root, 'apps/api/dist/bench/compare-seed.js')], {
    env: {
      ...process.env,
      DATABASE_URL: `postgresql://tensorscope:tensorscope@127.0.0.1:${PG_PORT}/tensorscope`,
      BENCH_RUNS: String(RUNS),
      BENCH_POINTS: String(POINTS),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  }).toString();
  const { runIds, seedSeconds } = JSON.parse(seedOut.trim().split('\n').pop()!) as { runIds: string[]; seedSeconds: number };
  expect(runIds).toHaveLength(RUNS);
  // What the page asks for a single chart on a 1280-px window (one bucket per 2 px).
  const query = `runs=${runIds.join(',')}&tags=train/loss&smoothing=0.6&buckets=550`;

  const timeApi = async () => {
    const t0 = performance.now();
    const res = await apiFetch(`/api/compare?${query}`);
    const text = await res.text();
    const body = JSON.parse(text) as { series: { totalPoints: number; steps: number[]; smoothedOn: string }[] };
    return { ms: performance.now() - t0, bytes: text.length, body };
  };
  const cold = await timeApi();
  expect(cold.body.series).toHaveLength(RUNS);
  expect(cold.body.series.every((s) => s.totalPoints === POINTS)).toBe(true);
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push((await timeApi()).ms);
  warm.sort((a, b) => a - b);

  // Browser: open the view, then time compare request start → chart drawn with every line.
  const url = `/compare?runs=${runIds.join(',')}&tags=train/loss&smoothing=0.6`;
  const renders: { requestMs: number; dataAndRenderMs: number; pageMs: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = Date.now();
    await page.goto(url);
    await page.locator(`[data-testid="compare-chart"][data-tag="train/loss"][data-series="${RUNS}"]`).waitFor({ timeout: 120_000 });
    const pageMs = Date.now() - t0;
    // The first finished uPlot draw with every run's lines (raw + smoothed: 2 per run).
    const drawnAt = await page.evaluate(
      (want) =>
        (window as unknown as { __compareDraws?: { tag: string; series: number; at: number }[] }).__compareDraws?.find(
          (d) => d.tag === 'train/loss' && d.series >= want,
        )?.at,
      2 * RUNS,
    );
    expect(drawnAt).toBeDefined();
    const timing = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => e.name.includes('/api/compare?') && !e.name.includes('buckets=10000'))
        .map((e) => ({ start: e.startTime, end: e.responseEnd }))
        .pop(),
    );
    expect(timing).toBeDefined();
    renders.push({ requestMs: timing!.end - timing!.start, dataAndRenderMs: drawnAt! - timing!.start, pageMs });
  }
  const points = cold.body.series.reduce((n, s) => n + s.steps.length, 0);
  const report = {
    runs: RUNS,
    pointsPerRun: POINTS,
    seedSeconds,
    smoothedOn: [...new Set(cold.body.series.map((s) => s.smoothedOn))],
    answerPoints: points,
    answerBytes: cold.bytes,
    apiColdMs: Math.round(cold.ms),
    apiWarmMedianMs: Math.round(warm[2]!),
    browser: renders.map((r) => ({
      requestMs: Math.round(r.requestMs),
      dataAndFirstRenderMs: Math.round(r.dataAndRenderMs),
      navigationToChartMs: r.pageMs,
    })),
  };
  console.log(`\ncompare bench (goal: data + first render < 1000 ms)\n${JSON.stringify(report, null, 2)}`);
});
