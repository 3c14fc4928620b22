import { CIFAR10_CLASS_NAMES } from '../class-palette';
import type { TRunConfig } from '../run-config.schema';
import { importKerasTopology } from './keras-topology.import';
import type { TLayer } from './network-layer.schema';
import { inferNetwork, type TInferredNetwork } from './network-shape.infer';
import { LENET5_VARIANT_INPUT, lenet5Layers, recurrentLayers } from './network.presets';

/*
 * Every run, preset or custom, as the same three facts: the layers it builds, the images it
 * reads and its classes. The trainer, the API's run view and the dashboard all take a run's
 * network from here, so the course models have no second code path.
 */

const MNIST_CLASSES = Array.from({ length: 10 }, (_, i) => String(i));

/** The class names of a run's dataset, in label order (a custom run's recorded when it was created). */
export function classNamesOf(config: TRunConfig): readonly string[] {
  if (config.model === 'custom') {
    if (config.datasetFacts) return config.datasetFacts.classes;
    return config.dataset === 'cifar10' ? CIFAR10_CLASS_NAMES : MNIST_CLASSES;
  }
  return config.model === 'lenet5' && config.variant !== 'mnist' ? CIFAR10_CLASS_NAMES : MNIST_CLASSES;
}

/** [height, width, channels] of the images a run reads; undefined for a custom run whose dataset facts are not filled yet. */
export function inputShapeOf(config: TRunConfig): readonly [number, number, number] | undefined {
  if (config.model === 'lenet5') return LENET5_VARIANT_INPUT[config.variant];
  if (config.model !== 'custom') return [28, 28, 1];
  if (config.datasetFacts) return config.datasetFacts.inputShape;
  if (config.dataset === 'mnist') return [28, 28, 1];
  if (config.dataset === 'cifar10') return [32, 32, 3];
  return undefined;
}

/** The layer stack a run builds, as given (before inference adds a head); a topology is imported. */
export function layersOf(config: TRunConfig): { ok: true; layers: TLayer[] } | { ok: false; problems: string[] } {
  if (config.model === 'lenet5') return { ok: true, layers: lenet5Layers() };
  if (config.model !== 'custom') return { ok: true, layers: recurrentLayers(config) };
  if ('layers' in config.network) return { ok: true, layers: config.network.layers };
  const imported = importKerasTopology(config.network.keras);
  return imported.ok ? { ok: true, layers: imported.layers } : { ok: false, problems: imported.problems.map((p) => p.message) };
}

/**
 * The network a run trains, layer by layer with output shapes and parameter counts (see
 * inferNetwork), or why it cannot train.
 */
export function resolveRunNetwork(config: TRunConfig): TInferredNetwork {
  const stack = layersOf(config);
  if (!stack.ok) return { ok: false, problems: stack.problems.map((message) => ({ index: null, message })) };
  const inputShape = inputShapeOf(config);
  if (inputShape === undefined)
    return { ok: false, problems: [{ index: null, message: 'the dataset of this run is not resolved yet (its input shape is unknown)' }] };
  return inferNetwork(stack.layers, { inputShape, classes: classNamesOf(config).length });
}

/** A dataset's class names in label order: what every view labels predictions with. */
export type TClassNames = readonly string[];
