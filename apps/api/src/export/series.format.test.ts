import { describe, expect, it } from 'vitest';
import { manySeriesCsv, seriesCsv, seriesJson } from './series.format';

const points = [
  { step: 1, wallTime: 1_700_000_000_500, value: 2.5 },
  { step: 2, wallTime: 1_700_000_001_000, value: Number.NaN },
];

describe('series export formats', () => {
  it('writes TensorBoard CSV, with its exact header by default, and JSON (wall time in seconds)', () => {
    expect(seriesCsv(points)).toBe('Wall time,Step,Value\n1700000000.5,1,2.5\n1700000001,2,NaN\n');
    expect(seriesCsv(points, 'snake')).toBe('wall_time,step,value\n1700000000.5,1,2.5\n1700000001,2,NaN\n');
    expect(seriesJson(points)).toEqual([
      [1700000000.5, 1, 2.5],
      [1700000001, 2, Number.NaN],
    ]);
  });

  it('writes many runs × tags in long format, quoting names that need it', () => {
    const csv = manySeriesCsv([
      { runId: 'r1', runName: 'lstm, 128 "big"', tag: 'train/loss', points: points.slice(0, 1) },
      { runId: 'r2', runName: 'gru', tag: 'test/accuracy', points: [] },
    ]);
    expect(csv).toBe('run_id,run_name,tag,wall_time,step,value\nr1,"lstm, 128 ""big""",train/loss,1700000000.5,1,2.5\n');
    expect(manySeriesCsv([{ runId: 'r1', runName: 'gru', tag: 't', points: points.slice(0, 1) }], 'tensorboard').split('\n')[0]).toBe(
      'Run id,Run,Tag,Wall time,Step,Value',
    );
  });
});
