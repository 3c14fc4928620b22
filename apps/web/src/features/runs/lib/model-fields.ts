import type { TDatasetName } from '@tensorscope/shared';
import { DATASET_SIZES, RECURRENT_MODELS, fieldAppliesToModel } from '@tensorscope/shared';

export const isRecurrentModel = (model: string): boolean => (RECURRENT_MODELS as readonly string[]).includes(model);

/**
 * Whether `field` is part of `model`'s config (the registry's `models`). The schema is a union on
 * `model`: a field of one family sent with another model is refused by the API, so the form hides
 * it (single run) or says so (sweep over several models, where each run takes only its own fields).
 */
export const fieldAppliesTo = fieldAppliesToModel;

/**
 * A note for a model-specific field when a sweep mixes models that have it with models that
 * don't; undefined when every chosen model (or none) has it.
 */
export function modelSpecificNote(field: string, models: readonly string[]): string | undefined {
  const have = models.filter((m) => fieldAppliesTo(field, m));
  const lack = models.filter((m) => !fieldAppliesTo(field, m));
  if (have.length === 0 || lack.length === 0) return undefined;
  return `only for ${have.join(', ')}: ${lack.join(', ')} runs ignore it (varying it repeats those runs)`;
}

/** The dataset a model / variant pair trains on (mirrors the schema's datasetOf, for raw form values). */
export function datasetFor(model: string, variant: string): TDatasetName {
  return model === 'lenet5' && variant !== 'mnist' ? 'cifar10' : 'mnist';
}

/** Every dataset a set of models × variants touches, CIFAR-10 first. */
export function datasetsFor(models: readonly string[], variants: readonly string[]): TDatasetName[] {
  const found = new Set<TDatasetName>();
  for (const model of models) {
    if (model === 'lenet5') for (const variant of variants) found.add(datasetFor(model, variant));
    else found.add(datasetFor(model, ''));
  }
  return (['cifar10', 'mnist'] as const).filter((d) => found.has(d));
}

export const DATASET_LABELS: Record<TDatasetName, string> = { cifar10: 'CIFAR-10', mnist: 'MNIST' };

const count = (n: number) => n.toLocaleString('en-US');

/** "CIFAR-10: 50,000" or "CIFAR-10: 50,000 · MNIST: 60,000": the whole split a blank subset means. */
export function splitSizesLabel(datasets: readonly TDatasetName[], split: 'train' | 'test'): string {
  return datasets.map((d) => `${DATASET_LABELS[d]}: ${count(DATASET_SIZES[d][split])}`).join(' · ');
}
