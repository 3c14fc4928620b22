import { describe, expect, it } from 'vitest';
import { autoZoom, patchSide } from './top9-layout';

const top = (box: [number, number, number, number]) => ({ image: 0, activation: 1, y: 0, x: 0, box, label: 0 });

describe('patchSide', () => {
  it('is the largest side over all boxes', () => {
    const result = {
      featureMaps: [
        { featureMap: 0, top: [top([0, 0, 5, 5]), top([10, 20, 15, 25])] },
        // Clipped at the image border: 3 rows, 5 columns.
        { featureMap: 1, top: [top([25, 4, 28, 9])] },
      ],
    };
    expect(patchSide(result)).toBe(5);
    expect(patchSide({ featureMaps: [{ featureMap: 0, top: [top([2, 3, 16, 17])] }] })).toBe(14);
  });

  it('falls back to 8 when there are no boxes', () => {
    expect(patchSide({ featureMaps: [] })).toBe(8);
  });
});

describe('autoZoom', () => {
  it('picks the option closest to a 48 px cell', () => {
    expect(autoZoom(5)).toBe(8); // 9.6 wanted, 8 is the largest option
    expect(autoZoom(14)).toBe(3); // 3.43
    expect(autoZoom(28)).toBe(2); // 1.71
    expect(autoZoom(12)).toBe(4); // exactly 4
    expect(autoZoom(100)).toBe(1);
  });
});
