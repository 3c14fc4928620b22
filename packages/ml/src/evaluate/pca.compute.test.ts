import { describe, expect, it } from 'vitest';
import { pca } from './pca.compute';

const close = (actual: ArrayLike<number>, expected: number[], digits = 6) => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, digits));
};
const s = Math.SQRT1_2;

describe('pca (against eigenvectors worked out by hand)', () => {
  it('2-D: points along the diagonals, covariance [[10, 8], [8, 10]] / 3', () => {
    // Centred already. Eigenpairs of the covariance: 6 along (1, 1)/√2 and 2/3 along (1, −1)/√2.
    const data = new Float64Array([2, 1, -2, -1, 1, 2, -1, -2]);
    const r = pca(data, 4, 2, 2);
    close(r.variances, [6, 2 / 3]);
    close(r.explained, [6 / (20 / 3), 2 / 3 / (20 / 3)]);
    close(r.components[0]!, [s, s]);
    close(r.projected[0]!, [3 * s, -3 * s, 3 * s, -3 * s]);
    // The second component's sign is a tie (|1/√2| both): compare up to sign.
    const sign = Math.sign(r.components[1]![0]!);
    close(
      r.components[1]!.map((v) => v * sign),
      [s, -s],
    );
    close(
      r.projected[1]!.map((v) => v * sign),
      [s, -s, -s, s],
    );
  });

  it('3-D with an offset mean: centres first, orders by variance, keeps components orthogonal', () => {
    // Around (5, −3, 1): ±2 along (1, 1, 0)/√2, ±1 along (1, −1, 0)/√2, ±0.5 along z.
    const centre = [5, -3, 1];
    const offsets = [
      [2 * s, 2 * s, 0],
      [-2 * s, -2 * s, 0],
      [s, -s, 0],
      [-s, s, 0],
      [0, 0, 0.5],
      [0, 0, -0.5],
    ];
    const data = new Float32Array(offsets.flatMap((o) => o.map((v, j) => v + centre[j]!)));
    const r = pca(data, 6, 3, 2);
    // Variances: 8/5 along the first axis, 2/5 along the second (n − 1 = 5); total 8/5 + 2/5 + 0.5/5.
    close(r.variances, [1.6, 0.4], 5);
    close(r.explained, [1.6 / 2.1, 0.4 / 2.1], 5);
    close(r.components[0]!, [s, s, 0], 5);
    const sign = Math.sign(r.components[1]![0]!);
    close(
      r.components[1]!.map((v) => v * sign),
      [s, -s, 0],
      5,
    );
    close(r.projected[0]!, [2, -2, 0, 0, 0, 0], 5);
    close(
      r.projected[1]!.map((v) => v * sign),
      [0, 0, 1, -1, 0, 0],
      5,
    );
  });

  it('refuses shapes that do not add up', () => {
    expect(() => pca(new Float32Array(5), 2, 3)).toThrow(/5 values/);
    expect(() => pca(new Float32Array(3), 1, 3)).toThrow(/at least 2/);
  });
});
