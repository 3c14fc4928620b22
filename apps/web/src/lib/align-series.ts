import type { TScalarPoint } from '@tensorscope/shared';

/** uPlot's columnar data: x values, then one y column per series (null = no point at that x). */
export type TAlignedData = [number[], ...(number | null)[][]];

/**
 * Puts several series on one x axis: the sorted union of their steps, with null where a
 * series has no point. Test points are much sparser than train points; the chart draws
 * across the nulls with `spanGaps`. If a series holds a step twice, its last point wins.
 */
export function alignSeries(series: readonly (readonly TScalarPoint[])[]): TAlignedData {
  const steps = new Set<number>();
  for (const points of series) for (const point of points) steps.add(point.step);
  const xs = [...steps].sort((a, b) => a - b);
  const indexOfStep = new Map<number, number>();
  xs.forEach((step, index) => indexOfStep.set(step, index));
  const columns = series.map((points) => {
    const column: (number | null)[] = new Array<number | null>(xs.length).fill(null);
    for (const point of points) column[indexOfStep.get(point.step)!] = point.value;
    return column;
  });
  return [xs, ...columns];
}

/** How many real points the aligned data shows, summed over its series. */
export function countPoints(data: TAlignedData): number {
  let total = 0;
  for (let s = 1; s < data.length; s++) for (const value of data[s]!) if (value !== null) total++;
  return total;
}
