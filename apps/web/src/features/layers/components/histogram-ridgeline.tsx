'use client';

import type { THistogram } from '@tensorscope/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatTick } from '../../../lib/chart-format';
import { formatMetric } from '../../../lib/format';
import { curveAt, niceTicks, pickRidgeSteps, ridgelineGeometry, type TRidgeBox } from '../lib/ridgeline';

const HEIGHT = 260;
/** More curves than this turn into a solid smear; older steps are thinned out evenly. */
const MAX_CURVES = 40;
const MARGIN = { top: 8, right: 64, bottom: 24, left: 12 };
const OLD_RGB = [165, 180, 252];
const NEW_RGB = [30, 58, 138];
const HOVER = '#ea580c';

const mix = (t: number) => OLD_RGB.map((o, i) => Math.round(o + (NEW_RGB[i]! - o) * t)).join(', ');

/**
 * Histograms over time, drawn on a canvas as offset ridgelines (TensorBoard's offset
 * mode): oldest step at the back and top, pale; newest in front at the bottom, dark.
 * Hovering picks the nearest curve and reads its step and the value under the pointer.
 */
export function HistogramRidgeline({ histograms, loading = false }: { histograms: readonly THistogram[]; loading?: boolean }) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);

  useEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    setWidth(Math.floor(wrap.clientWidth));
    const observer = new ResizeObserver((entries) => setWidth(Math.floor(entries[0]?.contentRect.width ?? 0)));
    observer.observe(wrap);
    return () => observer.disconnect();
  }, []);

  const shown = useMemo(() => pickRidgeSteps(histograms, MAX_CURVES), [histograms]);
  const geometry = useMemo(() => {
    const box: TRidgeBox = { width, height: HEIGHT, ...MARGIN };
    return width > 0 && shown.length > 0 ? ridgelineGeometry(shown, box) : null;
  }, [shown, width]);
  const hovered = geometry && pointer ? curveAt(geometry, pointer.y) : null;

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, width * dpr);
    canvas.height = HEIGHT * dpr;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${HEIGHT}px`;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, HEIGHT);
    if (!geometry) return;

    // x axis: ticks and labels along the bottom.
    const axisY = HEIGHT - MARGIN.bottom + 4;
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = '#677281';
    ctx.strokeStyle = '#e2e5ea';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const ticks = niceTicks(geometry.xMin, geometry.xMax, Math.max(2, Math.floor((width - MARGIN.left - MARGIN.right) / 80)));
    for (const tick of ticks) {
      const x = geometry.toX(tick);
      ctx.beginPath();
      ctx.moveTo(x, MARGIN.top);
      ctx.lineTo(x, axisY - 2);
      ctx.stroke();
      ctx.fillText(formatTick(tick), x, axisY);
    }

    // Curves from oldest to newest: each is filled first, hiding the older ones behind it.
    const n = geometry.curves.length;
    const labelEvery = Math.max(1, Math.ceil(14 / Math.max(1, geometry.spacing)));
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    geometry.curves.forEach((curve, i) => {
      const t = n === 1 ? 1 : i / (n - 1);
      const isHovered = curve === hovered;
      const color = isHovered ? HOVER : `rgb(${mix(t)})`;
      ctx.beginPath();
      curve.points.forEach(([x, y], k) => (k === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
      if (!curve.degenerate) {
        ctx.closePath();
        ctx.fillStyle = '#ffffff';
        ctx.fill();
        ctx.fillStyle = `rgba(${mix(t)}, 0.18)`;
        ctx.fill();
      }
      ctx.strokeStyle = color;
      ctx.lineWidth = isHovered ? 2 : curve.degenerate ? 2 : 1.1;
      ctx.stroke();
      // Step labels at the right: the newest always, others as room allows (counted from the newest).
      if ((n - 1 - i) % labelEvery === 0 || isHovered) {
        ctx.fillStyle = isHovered ? HOVER : '#677281';
        ctx.fillText(curve.step.toLocaleString('en-US'), width - MARGIN.right + 6, curve.baseline);
      }
    });
  }, [geometry, width, hovered]);

  const value = geometry && pointer ? geometry.fromX(pointer.x) : null;
  return (
    <div
      ref={wrapRef}
      className="chart ridgeline"
      data-testid="histogram-chart"
      data-steps={shown.length}
      onPointerMove={(event) => {
        const rect = event.currentTarget.getBoundingClientRect();
        setPointer({ x: event.clientX - rect.left, y: event.clientY - rect.top });
      }}
      onPointerLeave={() => setPointer(null)}
    >
      <canvas ref={canvasRef} aria-label="Histograms over steps, one curve per step, newest in front" role="img" />
      {shown.length === 0 && <div className="chart-empty muted">{loading ? 'Loading…' : 'No histograms yet'}</div>}
      {shown.length < histograms.length && (
        <div className="ridgeline-note muted small">
          {shown.length} of {histograms.length} steps, evenly spaced
        </div>
      )}
      {hovered && value !== null && (
        <div className="ridgeline-readout small">
          step <strong>{hovered.step.toLocaleString('en-US')}</strong> · value {formatMetric(value)}
        </div>
      )}
    </div>
  );
}
