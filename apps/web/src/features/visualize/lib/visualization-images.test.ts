import { CIFAR10_CLASS_NAMES, IMAGE_VIEWS, type TImageResult } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { visualizationImageUrl } from './visualize.api';
import { publicEnv } from '../../../env';
import { imagePanels, labelShares, predictionSummary, predictionText, top9ImageName, valueRange } from './visualization-images';

const CIFAR = CIFAR10_CLASS_NAMES;
const MNIST = Array.from({ length: 10 }, (_, i) => String(i));

const result = (over: Partial<TImageResult> = {}): TImageResult => ({
  kind: 'image',
  layer: 'conv2',
  image: 42,
  label: 3,
  predicted: 5,
  probabilities: [0, 0, 0, 0.201, 0, 0.62, 0, 0.179, 0, 0],
  featureMap: 17,
  box: [0, 0, 14, 14],
  occlusion: {
    rows: 2,
    cols: 2,
    size: 6,
    stride: 2,
    trueClassProbability: [0.2, 0.1, 0.05, 0.3],
    featureActivation: [1, 2, 3, 4],
    predictedLabel: [5, 5, 3, 9],
  },
  images: [...IMAGE_VIEWS],
  seconds: 2,
  ...over,
});

describe('image names and URLs', () => {
  it('names top-9 cells by map and rank', () => {
    expect(top9ImageName('deconv', 12, 0)).toBe('deconv-12-0');
    expect(top9ImageName('patch', 3, 8)).toBe('patch-3-8');
  });

  it('builds the PNG URL under the API base', () => {
    // Under vitest there is no window: the base is localhost:4000 (or NEXT_PUBLIC_API_URL).
    const base = publicEnv().NEXT_PUBLIC_API_URL ?? 'http://localhost:4000';
    expect(visualizationImageUrl('0b5e…', 'deconv-1-2')).toBe(`${base}/api/visualizations/0b5e%E2%80%A6/images/deconv-1-2.png`);
  });
});

describe('imagePanels', () => {
  it('lays out every image in the figure order with class names in the captions', () => {
    const panels = imagePanels(result(), CIFAR);
    expect(panels.map((p) => p.testId)).toEqual([
      'image-input',
      'deconv-projection',
      'image-patch',
      'occlusion-map',
      'occlusion-activation',
      'occlusion-label',
      'saliency',
      'guided-backprop',
      'grad-cam',
    ]);
    expect(panels[0]?.note).toBe('true label: cat');
    expect(panels[1]?.title).toBe('Projection of conv2 map 17');
    expect(panels[3]?.title).toBe('p(cat) under occlusion');
  });

  it('leaves out panels the job has no image for', () => {
    expect(imagePanels(result({ images: ['grad-cam', 'input'] }), MNIST).map((p) => p.name)).toEqual(['input', 'grad-cam']);
  });
});

describe('predictionText', () => {
  it('names the true class only when the net got it wrong', () => {
    expect(predictionText(predictionSummary(result(), CIFAR))).toBe('Predicted dog (62.0 %) · true cat (20.1 %) · wrong');
    const right = result({ label: 0, predicted: 0, probabilities: [0.502, 0.498, 0, 0, 0, 0, 0, 0, 0, 0] });
    expect(predictionText(predictionSummary(right, CIFAR))).toBe('Predicted airplane (50.2 %) · correct');
  });
});

describe('predictionSummary', () => {
  it('names predicted and true class with their probabilities', () => {
    expect(predictionSummary(result(), CIFAR)).toEqual({
      predicted: 'dog',
      predictedProbability: '62.0 %',
      truth: 'cat',
      truthProbability: '20.1 %',
      correct: false,
    });
    expect(predictionSummary(result({ label: 5, probabilities: [] }), MNIST)).toMatchObject({
      predicted: '5',
      truth: '5',
      truthProbability: '—',
      correct: true,
    });
  });
});

describe('labelShares / valueRange', () => {
  it('gives each class its share of occluder positions', () => {
    expect(labelShares([5, 5, 3, 9], 10)).toEqual([0, 0, 0, 0.25, 0, 0.5, 0, 0, 0, 0.25]);
    expect(labelShares([], 3)).toEqual([0, 0, 0]);
  });

  it('finds min and max, skipping non-finite values', () => {
    expect(valueRange([0.2, 0.05, Number.NaN, 0.3])).toEqual({ min: 0.05, max: 0.3 });
    expect(valueRange([])).toBeNull();
  });
});
