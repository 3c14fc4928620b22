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

  it('derives a run’s colour from its id, not its position', () => {
    const ids = ['7f1c…a', '0b2e…b', 'c3d4…c'];
    const map = runColors(ids);
    expect(runColors([...ids].reverse())).toEqual(map);
    // Adding or removing other runs leaves a run's colour alone (no collision involved here).
    expect(runColors(['7f1c…a']).get('7f1c…a')).toBe(map.get('7f1c…a'));
    expect(runColors([...ids, 'e5f6…d']).get('0b2e…b')).toBe(map.get('0b2e…b'));
  });

  it('gives the runs of a selection different colours even when their ids hash alike', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const map = runColors(ids);
    expect(new Set(map.values()).size).toBe(40);
    for (const n of [2, 5, 16, 32]) expect(new Set(runColors(ids.slice(0, n)).values()).size).toBe(n);
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
