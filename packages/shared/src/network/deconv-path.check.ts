import type { TLayer } from './network-layer.schema';
import type { TResolvedNetwork } from './network-shape.infer';

/**
 * Why Zeiler & Fergus's deconvnet cannot project from `layerName` back to the pixels, or
 * undefined when it can. The paper defines the way back through convolutions (transposed
 * filters), rectification and max-pooling (switches) only; dropout is the identity at inference.
 * Anything else below the layer (batch norm, average pooling, another activation…) has no
 * defined inverse there, so the run's top-9 and image analyses are refused with this reason
 * rather than projected through a guess. Mirrors the worker's own check (packages/ml's
 * deconv.project.ts), so a refusal comes before the job is queued.
 */
export function deconvPathProblem(layers: readonly TLayer[], network: TResolvedNetwork, layerName: string): string | undefined {
  const top = network.layers.findIndex((l) => l.name === layerName);
  if (top < 0) return undefined; // not a layer of the network: the caller's own check names it
  for (let i = 0; i <= top; i++) {
    const layer = layers[i];
    const name = network.layers[i]!.name;
    if (layer === undefined) return undefined;
    const why = (what: string) =>
      `the deconvnet cannot go back through layer ${name} (${i}): ${what}; only conv2d, maxPool2d and dropout lie on its way`;
    if (layer.type === 'conv2d') {
      if (layer.activation !== 'relu' && layer.activation !== 'linear')
        return why(`its activation is ${layer.activation} (only relu or linear)`);
    } else if (layer.type !== 'maxPool2d' && layer.type !== 'dropout') {
      return why(`its type is ${layer.type}`);
    }
  }
  return undefined;
}
