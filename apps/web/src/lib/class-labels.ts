import type { TDatasetName } from '@tensorscope/shared';

/*
 * Names and colours of the ten classes, for the Visualize tab's captions and the occlusion
 * label map's legend. The worker's PNGs carry only label numbers (and colours), so the names
 * live here.
 */

/** CIFAR-10's classes in label order (the dataset's batches.meta.txt). */
export const CIFAR10_CLASSES = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
] as const;

/** How many classes a dataset has (both have ten; kept per dataset so the legend doesn't assume it). */
export const classCount = (dataset: TDatasetName): number => (dataset === 'cifar10' ? CIFAR10_CLASSES.length : 10);

/** "cat" for CIFAR-10 label 3, "3" for an MNIST digit; an unknown label says so instead of throwing. */
export function classLabel(dataset: TDatasetName, label: number): string {
  if (!Number.isInteger(label) || label < 0 || label >= classCount(dataset)) return `class ${label}`;
  return dataset === 'cifar10' ? CIFAR10_CLASSES[label]! : String(label);
}

/**
 * The label map's colours: Tableau 10, the same list as packages/ml's CLASS_PALETTE (which the
 * worker paints `occlusion-label` with). Copied, not imported: the web app doesn't load the ML
 * package (TF.js). Labels ≥ 10 reuse them cyclically, as the worker does.
 */
export const CLASS_PALETTE: readonly (readonly [number, number, number])[] = [
  [31, 119, 180],
  [255, 127, 14],
  [44, 160, 44],
  [214, 39, 40],
  [148, 103, 189],
  [140, 86, 75],
  [227, 119, 194],
  [127, 127, 127],
  [188, 189, 34],
  [23, 190, 207],
];

/** CSS colour of a label in the label map. */
export function classColor(label: number): string {
  const n = CLASS_PALETTE.length;
  const [r, g, b] = CLASS_PALETTE[((Math.trunc(label) % n) + n) % n]!;
  return `rgb(${r}, ${g}, ${b})`;
}
