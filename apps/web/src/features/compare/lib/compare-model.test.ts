import type { TCompareResult, TCompareSeries } from '@tensorscope/shared';
import { smoothEma } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { runFixture } from '../../../lib/run.fixture';
import { addableRunsQuery, compareModel, compareQuery, createCompareModel, missingRunIds, type TCompareInput } from './compare-model';
import { DEFAULT_COMPARE_STATE, type TCompareState } from './compare-url';
import type { TRoughness } from './compare-overfit';

const A = 'a0000000-0000-4000-8000-000000000001';
const B = 'b0000000-0000-4000-8000-000000000002';
const GONE = 'c0000000-0000-4000-8000-000000000003';

const series = (runId: string, tag: string, values: number[]): TCompareSeries => ({
  runId,
  tag,
  steps: values.map((_, i) => i * 10),
  wallTimes: values.map((_, i) => 5000 + i * 500),
  values,
  smoothed: null,
  smoothedOn: null,
  totalPoints: values.length,
  downsampled: false,
});

const answer: TCompareResult = {
  series: [series(A, 'train/loss', [3, 2, 1]), series(B, 'train/loss', [4, 3]), series(A, 'test/accuracy', [])],
  missingRuns: [GONE],
};

const state = (over: Partial<TCompareState> = {}): TCompareState => ({ ...DEFAULT_COMPARE_STATE, runs: [A, B, GONE, 'nonsense'], ...over });

// The hooks hand over the same maps until a query changes: so do the tests.
const rows = new Map([[A, runFixture({ id: A })]]);
const notFound = new Set<string>();
const roughness = new Map<string, TRoughness>();

const input = (over: Partial<TCompareInput> = {}): TCompareInput => ({
  state: state(),
  gridWidth: 800,
  answer,
  runs: rows,
  notFound,
  roughness,
  exportUrl: null,
  ...over,
});

describe('compareQuery', () => {
  it('waits for a run and a measured grid', () => {
    expect(compareQuery(state(), [], 800)).toBeNull();
    expect(compareQuery(state(), [A], null)).toBeNull();
  });

  it('asks for the picked tags (or the defaults), the smoothing and the zoomed step window', () => {
    const query = compareQuery(state({ tags: ['train/loss'], smoothing: 0.5, zoom: { min: 10.2, max: 99.7 } }), [A, B], 800);
    expect(query).toMatchObject({ runs: [A, B], tags: ['train/loss'], smoothing: 0.5, smoother: 'ema', fromStep: 10, toStep: 100 });
    expect(compareQuery(state(), [A], 800)?.tags).toEqual(['train/accuracy', 'test/accuracy', 'train/loss', 'test/loss']);
  });
});

describe('addableRunsQuery', () => {
  const C = 'd0000000-0000-4000-8000-000000000004';
  it('asks for the runs not yet selected, with what the selection plus one of them would ask', () => {
    const s = state({ tags: ['train/loss'], smoothing: 0.5 });
    const query = addableRunsQuery(s, [A], [A, C, 'nonsense'], 800);
    expect(query).toEqual({ ...compareQuery(s, [A, C], 800), runs: [C] });
  });

  it('asks nothing when every result is selected already, or before the grid is measured', () => {
    expect(addableRunsQuery(state(), [A, B], [A, B], 800)).toBeNull();
    expect(addableRunsQuery(state(), [A], [B], null)).toBeNull();
  });
});

describe('missingRunIds', () => {
  it('joins malformed ids, rows not found and runs the answer lacks', () => {
    expect(missingRunIds([A, 'x', B], new Set([B]), answer)).toEqual(new Set(['x', B, GONE]));
  });
});

describe('compareModel', () => {
  it('derives ids, charts of the default tags with data, rows and (once possible) export links', () => {
    const model = compareModel(input());
    expect(model.validIds).toEqual([A, B, GONE]);
    expect(model.missing).toEqual(new Set(['nonsense', GONE]));
    expect(model.presentIds).toEqual([A, B]);
    // test/accuracy has a series but no points: not charted by default.
    expect(model.shownTags).toEqual(['train/loss']);
    expect(model.charts.map((c) => [c.tag, c.lines.map((l) => l.runId)])).toEqual([['train/loss', [A, B]]]);
    expect(model.chartsByTag.get('train/loss')).toBe(model.charts[0]);
    expect(model.rows.map((r) => [r.runId, r.missing, r.run?.id])).toEqual([
      [A, false, A],
      [B, false, undefined],
      [GONE, true, undefined],
      ['nonsense', true, undefined],
    ]);
    expect(model.exportLinks).toBeNull();

    const urls = compareModel(
      input({ exportUrl: (q) => `${q.format}${q.header ? `(${q.header})` : ''}:${q.runs.join('+')}:${q.tags.join('+')}` }),
    );
    expect(urls.exportLinks).toEqual({
      csv: `csv:${A}+${B}:train/loss`,
      tensorboardCsv: `csv(tensorboard):${A}+${B}:train/loss`,
      json: `json:${A}+${B}:train/loss`,
    });
  });

  it('keeps every chart object while only the run rows change (a progress tick)', () => {
    const first = compareModel(input());
    const next = compareModel(
      input({ state: state(), runs: new Map([[A, runFixture({ id: A, progress: null, status: 'completed' })]]) }),
      first,
    );
    expect(next.charts).toBe(first.charts);
    expect(next.chartsByTag).toBe(first.chartsByTag);
    expect(next.presentIds).toBe(first.presentIds);
    expect(next.query).toBe(first.query);
    expect(next.rows).not.toBe(first.rows);
    expect(next.rows[0]!.run?.status).toBe('completed');
  });

  it('rebuilds the charts for a new answer or axis, and keeps the rows then', () => {
    const first = compareModel(input());
    const newAnswer = compareModel(input({ answer: { ...answer } }), first);
    expect(newAnswer.charts).not.toBe(first.charts);
    expect(newAnswer.rows).toBe(first.rows);
    const log = compareModel(input({ state: state({ y: 'log' }) }), newAnswer);
    expect(log.charts).not.toBe(newAnswer.charts);
  });

  it('keeps the charts while a run just added has no series yet, and rebuilds them when they come', () => {
    const first = compareModel(input({ state: state({ runs: [A, B] }) }));
    const added = compareModel(input({ state: state({ runs: [A, B, GONE] }) }), first);
    expect(added.charts).toBe(first.charts);
    const arrived = compareModel(
      input({ state: state({ runs: [A, B, GONE] }), answer: { ...answer, series: [...answer.series, series(GONE, 'train/loss', [1])] } }),
      added,
    );
    expect(arrived.charts).not.toBe(first.charts);
    expect(arrived.charts[0]!.lines.map((l) => l.runId)).toEqual([A, B, GONE]);
  });

  it('smooths the held answer in the browser while it was asked with other smoothing, until the new answer comes', () => {
    const smoothed = (values: number[]) => values.map((v) => v - 0.5);
    const asked = {
      ...answer,
      series: answer.series.map((s) => ({ ...s, smoothed: smoothed(s.values as number[]), smoothedOn: 'full' as const })),
      smoothedWith: { smoothing: 0.6, smoother: 'ema' as const },
    };
    const server = compareModel(input({ answer: asked }));
    const loss = (m: typeof server) => m.chartsByTag.get('train/loss')!.lines[0]!.smoothed;
    expect(loss(server)).toEqual([2.5, 1.5, 0.5]);
    // The slider moved to 0.9: drawn at once from the held raw values (every point held: the exact formula).
    const moved = compareModel(input({ state: state({ smoothing: 0.9 }), answer: asked }), server);
    expect(moved.charts).not.toBe(server.charts);
    expect(loss(moved)).toEqual(smoothEma([3, 2, 1], 0.9));
    // Weight 0 draws raw lines only, as the server's answer for it would.
    expect(loss(compareModel(input({ state: state({ smoothing: 0 }), answer: asked }), moved))).toBeNull();
    // The answer for 0.9 arrives: the server's curve again.
    const answered = { ...asked, smoothedWith: { smoothing: 0.9, smoother: 'ema' as const } };
    expect(loss(compareModel(input({ state: state({ smoothing: 0.9 }), answer: answered }), moved))).toEqual([2.5, 1.5, 0.5]);
  });

  it('places runs by epoch once their configs are known', () => {
    const model = compareModel(input({ state: state({ x: 'epoch' }) }));
    const lines = model.charts[0]!.lines;
    // Run B's row hasn't loaded: it can't be placed on the epoch axis yet.
    expect(lines.map((l) => l.runId)).toEqual([A]);
    expect(model.charts[0]!.unplaced).toBe(1);
  });

  it('createCompareModel remembers its last model', () => {
    const modelOf = createCompareModel();
    const first = modelOf(input());
    expect(modelOf(input()).charts).toBe(first.charts);
  });
});
