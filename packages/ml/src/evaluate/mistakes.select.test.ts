import { describe, expect, it } from 'vitest';
import { selectMistakes } from './mistakes.select';

describe('selectMistakes', () => {
  // 4 images, 3 classes; images 1 and 3 are wrong, image 3 the more confident mistake.
  const probabilities = new Float32Array([0.7, 0.2, 0.1, 0.3, 0.1, 0.6, 0.1, 0.8, 0.1, 0.05, 0.9, 0.05]);
  const labels = [0, 1, 1, 0];

  it('lists the wrong ones, most confident first, with both probabilities', () => {
    const { total, mistakes } = selectMistakes(labels, probabilities, 3, 10);
    expect(total).toBe(2);
    expect(mistakes.map((m) => m.image)).toEqual([3, 1]);
    expect(mistakes[0]).toMatchObject({ label: 0, predicted: 1 });
    expect(mistakes[0]!.probability).toBeCloseTo(0.9);
    expect(mistakes[0]!.trueProbability).toBeCloseTo(0.05);
    expect(mistakes[1]).toMatchObject({ image: 1, label: 1, predicted: 2 });
  });

  it('keeps the first `cap` but counts them all', () => {
    const { total, mistakes } = selectMistakes(labels, probabilities, 3, 1);
    expect(total).toBe(2);
    expect(mistakes.map((m) => m.image)).toEqual([3]);
  });
});
