import type { TClassNames } from '@tensorscope/shared';
import { CIFAR10_CLASS_NAMES, CLASS_PALETTE } from '@tensorscope/shared';

/*
 * Names and colours of the ten classes, for the Visualize tab's captions and the occlusion
 * label map's legend. The worker's PNGs carry only label numbers (and colours); the names come
 * from the run (classNamesOf).
 */

/** CIFAR-10's classes in label order (packages/shared, the list the loader checks). */
export const CIFAR10_CLASSES = CIFAR10_CLASS_NAMES;

/** How many classes a run's dataset has. */
export const classCount = (classes: TClassNames): number => classes.length;

/** A label's class name ("cat" for CIFAR-10 label 3, "3" for an MNIST digit); an unknown label says so instead of throwing. */
export function classLabel(classes: TClassNames, label: number): string {
  if (!Number.isInteger(label) || label < 0 || label >= classes.length) return `class ${label}`;
  return classes[label]!;
}
/** The label map's colours: the list the worker paints `occlusion-label` with (packages/shared). */
export { CLASS_PALETTE };

/** CSS colour of a label in the label map. */
export function classColor(label: number): string {
  const n = CLASS_PALETTE.length;
  const [r, g, b] = CLASS_PALETTE[((Math.trunc(label) % n) + n) % n]!;
  return `rgb(${r}, ${g}, ${b})`;
}
