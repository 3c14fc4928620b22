/** CIFAR-10's classes in label order (the dataset's batches.meta.txt; the loader checks it). */
export const CIFAR10_CLASS_NAMES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'] as const;

/**
 * Ten distinct colours (Tableau 10) for class labels: the worker paints occlusion label maps with
 * them and the dashboard's legend explains them, so both read this one list. Classes ≥ 10 reuse
 * them cyclically.
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
