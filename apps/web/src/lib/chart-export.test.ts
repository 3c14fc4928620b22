import { describe, expect, it } from 'vitest';
import { chartFileName, chartSvg, escapeXml } from './chart-export';

const axis = (min: number, max: number, ticks: number[], log = false) => ({ min, max, ticks, format: String, log });

describe('chartSvg', () => {
  const svg = chartSvg({
    title: 'Loss <train & test>',
    width: 400,
    height: 200,
    x: { ...axis(0, 10, [0, 5, 10]), label: 'step' },
    y: axis(0, 2, [0, 1, 2]),
    lines: [
      { label: 'train/loss', color: '#2563eb', width: 1.5, points: [[0, 2], [5, 1], null, [10, 0]] },
      { label: 'empty', color: '#000', width: 1, points: [] },
    ],
  });

  it('is an SVG document with an escaped title', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"')).toBe(true);
    expect(svg).toContain('Loss &lt;train &amp; test&gt;');
  });

  it('maps data to the plot box (left 64 … right 384, top 28 … bottom 160) and breaks lines at gaps', () => {
    // x 0 → 64, 5 → 224, 10 → 384; y 2 → 28, 1 → 94, 0 → 160.
    expect(svg).toContain('d="M64 28L224 94M384 160"');
    expect(svg.match(/<path /g)).toHaveLength(1);
  });

  it('labels the ticks', () => {
    expect(svg).toContain('>5</text>');
    expect(svg).toContain('>step</text>');
  });

  it('places a log axis by decades and leaves values ≤ 0 out', () => {
    const log = chartSvg({
      title: 't',
      width: 400,
      height: 200,
      x: axis(0, 1, []),
      y: axis(0.01, 1, [0.01, 0.1, 1], true),
      lines: [
        {
          label: 'l',
          color: '#000',
          width: 1,
          points: [
            [0, 0.1],
            [0.5, 0],
            [1, 1],
          ],
        },
      ],
    });
    // 0.1 is half-way up (94); the 0 breaks the line.
    expect(log).toContain('d="M64 94M384 28"');
  });
});

describe('chartFileName / escapeXml', () => {
  it('makes safe names', () => {
    expect(chartFileName('Loss', 'png')).toBe('loss.png');
    expect(chartFileName('train/loss', 'svg')).toBe('train_loss.svg');
    expect(chartFileName('…', 'svg')).toBe('chart.svg');
    expect(escapeXml('"a"')).toBe('&quot;a&quot;');
  });
});
