'use client';

import { useEffect, useState, type RefObject } from 'react';
import type uPlot from 'uplot';
import { plotIn } from '../hooks/use-uplot';
import { chartFileName, chartSvg, type TSvgLine } from '../lib/chart-export';
import { formatTick, stepSplits } from '../lib/chart-format';
import { cssVar } from '../lib/theme';

/** Starts a download of `blob` as `name`. */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The plot's canvas on the page background, the title above it. */
function downloadPng(plot: uPlot, title: string): void {
  const source = plot.ctx.canvas;
  const titleHeight = 28 * (source.width / plot.width);
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height + titleHeight;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = cssVar('--surface', '#ffffff');
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = cssVar('--text', '#1c2128');
  ctx.font = `600 ${Math.round(titleHeight * 0.5)}px system-ui, sans-serif`;
  ctx.fillText(title, titleHeight * 0.5, titleHeight * 0.7);
  ctx.drawImage(source, 0, titleHeight);
  canvas.toBlob((blob) => blob && save(blob, chartFileName(title, 'png')), 'image/png');
}

/** Ticks for an exported axis: integer steps as on screen, else five even ones (decades on a log axis). */
function ticksFor(min: number, max: number, log: boolean, steps: boolean): number[] {
  if (log) {
    const ticks: number[] = [];
    for (let e = Math.ceil(Math.log10(min)); e <= Math.floor(Math.log10(max)); e++) ticks.push(10 ** e);
    return ticks;
  }
  if (steps) return stepSplits(min, max, 600);
  return Array.from({ length: 5 }, (_, i) => min + ((max - min) * i) / 4);
}

/** The visible series of a plot as vector lines (aligned or faceted data). */
function svgLines(plot: uPlot): TSvgLine[] {
  const lines: TSvgLine[] = [];
  plot.series.forEach((series, i) => {
    if (i === 0 || series.show === false) return;
    // Faceted plots (the compare charts) give each series its own [xs, ys].
    const facet = (plot as unknown as { mode?: number }).mode === 2 || plot.data[0] == null;
    const column = plot.data[i] as unknown as (number | null)[] | [ArrayLike<number>, ArrayLike<number | null>];
    const xs = (facet ? (column as [ArrayLike<number>, ArrayLike<number | null>])[0] : plot.data[0]) as ArrayLike<number>;
    const ys = (facet ? (column as [ArrayLike<number>, ArrayLike<number | null>])[1] : column) as ArrayLike<number | null>;
    const stroke = typeof series.stroke === 'function' ? series.stroke(plot, i) : series.stroke;
    const points: ([number, number] | null)[] = [];
    for (let k = 0; k < xs.length; k++) {
      const y = ys[k];
      points.push(y === null || y === undefined ? null : [xs[k]!, y]);
    }
    lines.push({
      label: String(series.label ?? ''),
      color: typeof stroke === 'string' ? stroke : '#2563eb',
      width: series.width ?? 1,
      points,
    });
  });
  return lines;
}

function downloadSvg(plot: uPlot, title: string, xLabel: string | undefined): void {
  const x = plot.scales['x']!;
  const y = plot.scales['y']!;
  if (x.min == null || x.max == null || y.min == null || y.max == null) return;
  const log = y.distr === 3;
  const svg = chartSvg({
    title,
    width: Math.round(plot.width),
    height: Math.round(plot.height) + 28,
    x: { min: x.min, max: x.max, label: xLabel, ticks: ticksFor(x.min, x.max, false, xLabel === 'step'), format: formatTick },
    y: { min: y.min, max: y.max, log, ticks: ticksFor(y.min, y.max, log, false), format: formatTick },
    lines: svgLines(plot),
    colors: { text: cssVar('--text', '#1c2128'), grid: cssVar('--chart-grid', '#e2e5ea'), background: cssVar('--surface', '#ffffff') },
  });
  save(new Blob([svg], { type: 'image/svg+xml' }), chartFileName(title, 'svg'));
}

/**
 * PNG and SVG downloads of a chart and a fullscreen view of its card. `plotBox` holds the uPlot
 * container; `frame` is what goes fullscreen. `onFullscreen` says when it enters or leaves, so the
 * chart can take the screen's height.
 */
export function ChartActions({
  title,
  xLabel,
  plotBox,
  frame,
  onFullscreen,
}: {
  title: string;
  xLabel?: string;
  plotBox: RefObject<HTMLElement | null>;
  frame: RefObject<HTMLElement | null>;
  onFullscreen?: (fullscreen: boolean) => void;
}) {
  const [full, setFull] = useState(false);
  useEffect(() => {
    const onChange = () => {
      const now = document.fullscreenElement !== null && document.fullscreenElement === frame.current;
      setFull(now);
      onFullscreen?.(now);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [frame, onFullscreen]);
  const withPlot = (act: (plot: uPlot) => void) => () => {
    const box = plotBox.current;
    // The box is the plot's container, or holds it (a card around a chart component).
    const inner = box?.querySelector('.chart-plot');
    const plot = box ? (plotIn(box) ?? (inner ? plotIn(inner) : undefined)) : undefined;
    if (plot) act(plot);
  };
  return (
    <span className="chart-actions" data-testid="chart-actions">
      <button type="button" className="chart-action" title="Download as PNG" onClick={withPlot((p) => downloadPng(p, title))}>
        PNG
      </button>
      <button
        type="button"
        className="chart-action"
        title="Download as SVG (vector)"
        onClick={withPlot((p) => downloadSvg(p, title, xLabel))}
      >
        SVG
      </button>
      <button
        type="button"
        className="chart-action"
        title={full ? 'Leave full screen (Esc)' : 'Full screen'}
        aria-pressed={full}
        data-testid="chart-fullscreen"
        onClick={() => {
          if (document.fullscreenElement) void document.exitFullscreen();
          else void frame.current?.requestFullscreen();
        }}
      >
        {full ? 'Exit' : 'Full'}
      </button>
    </span>
  );
}
