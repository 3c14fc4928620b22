import { describe, expect, it } from 'vitest';
import { describeCounts, fileInputsOf, formatBytes } from './dataset-format';

describe('dataset form helpers', () => {
  it('asks each format for its own files', () => {
    expect(fileInputsOf('idx').map((f) => f.field)).toEqual(['trainImages', 'trainLabels', 'testImages', 'testLabels']);
    expect(fileInputsOf('csv').map((f) => f.label)).toEqual(['Train CSV', 'Test CSV']);
  });
  it('says how balanced the classes are', () => {
    expect(describeCounts([6000, 6000])).toBe('6,000 each');
    expect(describeCounts([5421, 6742, 5958])).toBe('5,421–6,742 per class');
    expect(describeCounts([])).toBe('');
  });
  it('writes sizes as people read them', () => {
    expect([formatBytes(54_950_048), formatBytes(2_500_000_000), formatBytes(120)]).toEqual(['55.0 MB', '2.50 GB', '1 kB']);
  });
});
