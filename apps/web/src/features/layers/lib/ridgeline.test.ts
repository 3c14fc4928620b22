import type { THistogram } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { curveAt, niceTicks, pickRidgeSteps, ridgelineGeometry, type TRidgeBox } from './ridgeline';

const box: TRidgeBox = { width: 420, height: 220, top: 10, right: 10, bottom: 10, left: 10 };
/** Uniform bins from min to max. */
const hist = (step: number, min: number, max: number, counts: number[]): THistogram => ({
  step,
  wallTime: step,
  min,
  max,
  edges: counts.map((_, i) => min + ((max - min) * i) / counts.length).concat(max),
  counts,
  percentiles: [],
});

describe('pickRidgeSteps', () => {
  it('keeps everything under the cap', () => {
    expect(pickRidgeSteps([1, 2, 3], 5)).toEqual([1, 2, 3]);
  });
  it('thins evenly, keeping the first and the newest', () => {
    const picked = pickRidgeSteps(
      Array.from({ length: 101 }, (_, i) => i),
      5,
    );
    expect(picked).toEqual([0, 25, 50, 75, 100]);
    expect(pickRidgeSteps([1, 2, 3], 1)).toEqual([3]);
  });
});

describe('ridgelineGeometry', () => {
  it('offsets baselines evenly, oldest on top, newest at the bottom of the plot', () => {
    const g = ridgelineGeometry([hist(0, -1, 1, [1, 2, 1]), hist(10, -1, 1, [1, 2, 1]), hist(20, -1, 1, [1, 2, 1])], box);
    const baselines = g.curves.map((c) => c.baseline);
    expect(g.curves.map((c) => c.step)).toEqual([0, 10, 20]);
    expect(baselines[0]).toBeCloseTo(box.top + g.ridgeHeight);
    expect(baselines[2]).toBeCloseTo(box.height - box.bottom);
    expect(baselines[1]! - baselines[0]!).toBeCloseTo(g.spacing);
    expect(baselines[2]! - baselines[1]!).toBeCloseTo(g.spacing);
  });

  it('maps the shared value range onto the plot width', () => {
    const g = ridgelineGeometry([hist(0, -1, 1, [1, 1]), hist(1, -3, 2, [1, 1])], box);
    expect([g.xMin, g.xMax]).toEqual([-3, 2]);
    expect(g.toX(-3)).toBeCloseTo(box.left);
    expect(g.toX(2)).toBeCloseTo(box.width - box.right);
    expect(g.fromX(g.toX(0.5))).toBeCloseTo(0.5);
  });

  it('draws each curve from baseline to baseline through bin centres, the tallest bin reaching the ridge height', () => {
    const g = ridgelineGeometry([hist(0, 0, 4, [1, 3, 0, 0])], box);
    const [curve] = g.curves;
    const points = curve!.points;
    expect(points).toHaveLength(6);
    expect(points[0]).toEqual([g.toX(0), curve!.baseline]);
    expect(points.at(-1)).toEqual([g.toX(4), curve!.baseline]);
    expect(points[1]![0]).toBeCloseTo(g.toX(0.5));
    expect(points[2]![1]).toBeCloseTo(curve!.baseline - g.ridgeHeight); // the peak
    expect(points[1]![1]).toBeCloseTo(curve!.baseline - g.ridgeHeight / 3);
    expect(points[3]![1]).toBeCloseTo(curve!.baseline);
  });

  it('shares one height scale across steps, so a sharper distribution stands taller', () => {
    const g = ridgelineGeometry([hist(0, 0, 1, [1, 1, 1, 1]), hist(1, 0, 1, [0, 4, 0, 0])], box);
    const height = (i: number) => Math.max(...g.curves[i]!.points.map(([, y]) => g.curves[i]!.baseline - y));
    expect(height(1)).toBeCloseTo(g.ridgeHeight);
    expect(height(0)).toBeCloseTo(g.ridgeHeight / 4);
  });

  it('draws a histogram of one repeated value (zero-initialised biases) as a clipped spike, out of the scale', () => {
    const g = ridgelineGeometry([hist(0, 0, 0, [0, 0, 5]), hist(1, -1, 1, [1, 1])], box);
    const spike = g.curves[0]!;
    expect(spike.degenerate).toBe(true);
    expect(spike.points.map(([x]) => x)).toEqual([g.toX(0), g.toX(0), g.toX(0)]);
    expect(spike.baseline - Math.min(...spike.points.map(([, y]) => y))).toBeCloseTo(g.ridgeHeight);
    // The other curve's scale ignores the spike: its bins (½ each) reach the full height.
    expect(g.curves[1]!.baseline - Math.min(...g.curves[1]!.points.map(([, y]) => y))).toBeCloseTo(g.ridgeHeight);
  });

  it('widens a zero-width range so a lone value still lands inside the plot', () => {
    const g = ridgelineGeometry([hist(0, 0.5, 0.5, [3])], box);
    expect(g.xMin).toBeLessThan(0.5);
    expect(g.xMax).toBeGreaterThan(0.5);
    expect(g.spacing).toBe(0);
  });

  it('finds the curve nearest to a pointer', () => {
    const g = ridgelineGeometry([hist(0, -1, 1, [1]), hist(10, -1, 1, [1]), hist(20, -1, 1, [1])], box);
    expect(curveAt(g, g.curves[1]!.baseline + 1)?.step).toBe(10);
    expect(curveAt(g, 0)?.step).toBe(0);
    expect(curveAt(g, 10_000)?.step).toBe(20);
  });
});

describe('niceTicks', () => {
  it('picks round steps inside the range', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-0.33, 0.41, 4)).toEqual([-0.2, 0, 0.2, 0.4]);
    expect(niceTicks(2, 2, 4)).toEqual([2]);
  });
});
