import { describe, expect, it } from 'vitest';
import { hslToHex, RUN_PALETTE, runColor, runColors, withAlpha } from './compare-colors';

describe('run colours', () => {
  it('follows the palette first', () => {
    expect(runColor(0)).toBe('#1f77b4');
    expect(runColor(1)).toBe('#ff7f0e');
    expect(runColor(15)).toBe(RUN_PALETTE[15]);
  });

  it('has at least 12 palette colours, all different', () => {
    expect(RUN_PALETTE.length).toBeGreaterThanOrEqual(12);
    expect(new Set(RUN_PALETTE).size).toBe(RUN_PALETTE.length);
  });

  it('gives 100 runs 100 different colours', () => {
    const colors = Array.from({ length: 100 }, (_, i) => runColor(i));
    expect(new Set(colors).size).toBe(100);
    for (const color of colors) expect(color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('is order-based and stable', () => {
    const map = runColors(['b', 'a', 'c']);
    expect(map.get('b')).toBe(runColor(0));
    expect(map.get('a')).toBe(runColor(1));
    expect(runColors(['b', 'a', 'c'])).toEqual(map);
  });

  it('converts HSL to hex', () => {
    expect(hslToHex(0, 100, 50)).toBe('#ff0000');
    expect(hslToHex(120, 100, 25)).toBe('#008000');
    expect(hslToHex(240, 100, 50)).toBe('#0000ff');
    expect(hslToHex(0, 0, 50)).toBe('#808080');
  });

  it('adds an alpha byte', () => {
    expect(withAlpha('#1f77b4', 0.2)).toBe('#1f77b433');
    expect(withAlpha('#1f77b4', 1)).toBe('#1f77b4ff');
    expect(withAlpha('#1f77b4', 0)).toBe('#1f77b400');
  });
});
