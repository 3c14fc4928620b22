import type { THistogram } from '@tensorscope/shared';

/*
 * The histograms-over-time view (TensorBoard's "offset" mode): one curve per step, each
 * shifted down a little from the one before, so the oldest sits at the back (top) and the
 * newest in front (bottom). All geometry is computed here, in pixels, so the canvas
 * component only strokes paths and the layout is unit-tested.
 */

export interface TRidgeBox {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface TRidgeCurve {
  step: number;
  /** Pixel y of this curve's zero line. */
  baseline: number;
  /** Polyline in pixels, starting and ending on the baseline. */
  points: [number, number][];
  /** All values were equal (e.g. biases before training): drawn as a single spike. */
  degenerate: boolean;
}

export interface TRidgeGeometry {
  curves: TRidgeCurve[];
  xMin: number;
  xMax: number;
  /** Pixel height a curve's tallest bin reaches above its baseline. */
  ridgeHeight: number;
  /** Pixel distance between two consecutive baselines (0 with a single curve). */
  spacing: number;
  toX(value: number): number;
  fromX(pixel: number): number;
}

/** Evenly thins a long history to at most `max` curves, always keeping the first and the newest. */
export function pickRidgeSteps<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  if (max <= 1) return items.slice(-1);
  const picked: T[] = [];
  let previous = -1;
  for (let i = 0; i < max; i++) {
    const index = Math.round((i * (items.length - 1)) / (max - 1));
    if (index !== previous) picked.push(items[index]!);
    previous = index;
  }
  return picked;
}

/** Share of the histogram's values in each bin: comparable across steps whatever the bin widths. */
function binMass(h: THistogram): number[] {
  const total = h.counts.reduce((sum, c) => sum + c, 0);
  return h.counts.map((c) => (total > 0 ? c / total : 0));
}

const isDegenerate = (h: THistogram) => !(h.max > h.min);

/** Fraction of the plot height one ridge may take; the rest is spread between the baselines. */
const RIDGE_FRACTION = 0.38;

export function ridgelineGeometry(histograms: readonly THistogram[], box: TRidgeBox): TRidgeGeometry {
  const innerWidth = Math.max(1, box.width - box.left - box.right);
  const innerHeight = Math.max(1, box.height - box.top - box.bottom);
  const usable = histograms.filter((h) => h.counts.length > 0 && h.edges.length === h.counts.length + 1);

  let xMin = Math.min(...usable.map((h) => h.min));
  let xMax = Math.max(...usable.map((h) => h.max));
  if (!Number.isFinite(xMin) || !Number.isFinite(xMax)) [xMin, xMax] = [0, 1];
  if (xMax <= xMin) {
    // One value everywhere: centre it in a small window so it is still drawn.
    const pad = Math.abs(xMin) * 0.1 || 1;
    [xMin, xMax] = [xMin - pad, xMax + pad];
  }
  const toX = (v: number) => box.left + ((v - xMin) / (xMax - xMin)) * innerWidth;
  const fromX = (px: number) => xMin + ((px - box.left) / innerWidth) * (xMax - xMin);

  const n = usable.length;
  const ridgeHeight = n <= 1 ? innerHeight * 0.9 : innerHeight * RIDGE_FRACTION;
  const spacing = n <= 1 ? 0 : (innerHeight - ridgeHeight) / (n - 1);
  // One y scale for all curves, so a sharpening distribution shows as a taller peak. A
  // degenerate histogram (all mass in one bin) would flatten all others, so it is left out
  // of the scale and clipped to the ridge height.
  const masses = usable.map(binMass);
  const peak = Math.max(0, ...masses.filter((_, i) => !isDegenerate(usable[i]!)).flat()) || 1;

  const curves = usable.map((h, i): TRidgeCurve => {
    const baseline = box.top + ridgeHeight + i * spacing;
    const yOf = (mass: number) => baseline - Math.min(1, mass / peak) * ridgeHeight;
    if (isDegenerate(h)) {
      const x = toX(h.min);
      return {
        step: h.step,
        baseline,
        points: [
          [x, baseline],
          [x, baseline - ridgeHeight],
          [x, baseline],
        ],
        degenerate: true,
      };
    }
    const mass = masses[i]!;
    const points: [number, number][] = [[toX(h.edges[0]!), baseline]];
    for (let b = 0; b < mass.length; b++) {
      points.push([toX((h.edges[b]! + h.edges[b + 1]!) / 2), yOf(mass[b]!)]);
    }
    points.push([toX(h.edges.at(-1)!), baseline]);
    return { step: h.step, baseline, points, degenerate: false };
  });
  return { curves, xMin, xMax, ridgeHeight, spacing, toX, fromX };
}

/** The curve a pointer at pixel y refers to: the one whose baseline is nearest below or at it. */
export function curveAt(geometry: TRidgeGeometry, y: number): TRidgeCurve | null {
  const { curves } = geometry;
  if (curves.length === 0) return null;
  let best = curves[0]!;
  for (const curve of curves) if (Math.abs(curve.baseline - y) < Math.abs(best.baseline - y)) best = curve;
  return best;
}

/** About `count` round tick values between min and max (1, 2, 5 × 10ⁿ steps). */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!(max > min) || count < 1) return [min];
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  // Float steps drift (0.30000000000000004); round to the step's own decimals (and -0 to 0).
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const first = Math.ceil(min / step - 1e-9);
  for (let k = first; k * step <= max + step * 1e-9; k++) ticks.push(Number((k * step).toFixed(decimals)) || 0);
  return ticks;
}
