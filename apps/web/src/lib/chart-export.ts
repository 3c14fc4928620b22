/*
 * A chart as a file. PNG: the plot's own canvas (axes and lines) on the page background, with the
 * title above. SVG: redrawn from the data as vector paths, for papers and slides, with the same
 * scales the chart shows (its zoom included).
 */

export interface TSvgLine {
  label: string;
  color: string;
  width: number;
  /** [x, y] in data units, in x order; null breaks the line (a gap). */
  points: readonly ([number, number] | null)[];
}

export interface TSvgAxis {
  min: number;
  max: number;
  label?: string;
  ticks: readonly number[];
  format: (value: number) => string;
  /** Log scale (y only). */
  log?: boolean;
}

export interface TChartSvg {
  title: string;
  width: number;
  height: number;
  x: TSvgAxis;
  y: TSvgAxis;
  lines: readonly TSvgLine[];
  /** Text and line colours of the current theme. */
  colors?: { text: string; grid: string; background: string };
}

const MARGIN = { top: 28, right: 16, bottom: 40, left: 64 };

/** XML text: & < > " escaped. */
export const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const round = (v: number) => Math.round(v * 100) / 100;

/** Position on an axis between `from` and `to` px, or null when the value can't be placed (≤ 0 on a log axis). */
function scale(axis: TSvgAxis, from: number, to: number): (value: number) => number | null {
  const f = axis.log ? (v: number) => (v > 0 ? Math.log10(v) : Number.NaN) : (v: number) => v;
  const lo = f(axis.min);
  const hi = f(axis.max);
  const span = hi - lo || 1;
  return (value) => {
    const t = f(value);
    return Number.isFinite(t) ? round(from + ((t - lo) / span) * (to - from)) : null;
  };
}

/** The SVG document of a chart: frame, grid and tick labels, one path per line, a legend row. */
export function chartSvg(chart: TChartSvg): string {
  const { width, height } = chart;
  const colors = chart.colors ?? { text: '#1c2128', grid: '#e2e5ea', background: '#ffffff' };
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const sx = scale(chart.x, left, right);
  const sy = scale(chart.y, bottom, top);
  const parts: string[] = [];
  parts.push(`<rect width="${width}" height="${height}" fill="${colors.background}"/>`);
  parts.push(`<text x="${left}" y="18" font-size="13" font-weight="600" fill="${colors.text}">${escapeXml(chart.title)}</text>`);
  const text = (x: number, y: number, anchor: string, label: string) =>
    `<text x="${x}" y="${y}" font-size="11" text-anchor="${anchor}" fill="${colors.text}">${escapeXml(label)}</text>`;
  // Grid line and label per tick, skipping ticks outside the plot (a zoomed axis).
  const ticks = (
    axis: TSvgAxis,
    at: (v: number) => number | null,
    from: number,
    to: number,
    draw: (p: number, label: string) => string[],
  ) => {
    for (const t of axis.ticks) {
      const p = at(t);
      if (p !== null && p >= Math.min(from, to) - 0.5 && p <= Math.max(from, to) + 0.5) parts.push(...draw(p, axis.format(t)));
    }
  };
  ticks(chart.x, sx, left, right, (x, label) => [
    `<line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="${colors.grid}"/>`,
    text(x, bottom + 14, 'middle', label),
  ]);
  ticks(chart.y, sy, bottom, top, (y, label) => [
    `<line x1="${left}" y1="${y}" x2="${right}" y2="${y}" stroke="${colors.grid}"/>`,
    text(left - 6, y + 4, 'end', label),
  ]);
  if (chart.x.label) {
    parts.push(
      `<text x="${(left + right) / 2}" y="${height - 6}" font-size="11" text-anchor="middle" fill="${colors.text}">${escapeXml(chart.x.label)}</text>`,
    );
  }
  parts.push(`<rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" fill="none" stroke="${colors.grid}"/>`);
  parts.push(`<clipPath id="plot"><rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}"/></clipPath>`);
  for (const line of chart.lines) {
    let d = '';
    let pen = false;
    for (const point of line.points) {
      const x = point ? sx(point[0]) : null;
      const y = point ? sy(point[1]) : null;
      if (x === null || y === null) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${x} ${y}`;
      pen = true;
    }
    if (d) {
      parts.push(
        `<path d="${d}" fill="none" stroke="${line.color}" stroke-width="${line.width}" clip-path="url(#plot)"><title>${escapeXml(line.label)}</title></path>`,
      );
    }
  }
  const body = parts.join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">\n${body}\n</svg>\n`;
}

/** A file name from a chart's title: "Loss" → "loss.png", "train/loss" → "train_loss.svg". */
export function chartFileName(title: string, extension: 'png' | 'svg'): string {
  const base =
    title
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'chart';
  return `${base}.${extension}`;
}
