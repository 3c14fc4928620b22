import type { TLayerType, TResolvedNetwork, TRun } from '@tensorscope/shared';
import { resolveRunNetwork } from '@tensorscope/shared';

/*
 * The views find a run's layers from its network, never from the course model's names: the API's
 * resolved network on a run's detail, or the same inference on its config (list rows, older
 * answers). Preset runs resolve to their course stacks, so this covers every run.
 */

/** The network a run trains, or undefined when it cannot be resolved here (a custom run whose dataset facts are missing). */
export function runNetwork(run: Pick<TRun, 'config'> & { network?: TResolvedNetwork | undefined }): TResolvedNetwork | undefined {
  if (run.network) return run.network;
  const resolved = resolveRunNetwork(run.config);
  return resolved.ok ? resolved.network : undefined;
}

const RECURRENT: readonly TLayerType[] = ['rnn', 'lstm', 'gru'];

/** Whether the network has a layer of one of `types`. */
const hasLayer = (network: TResolvedNetwork | undefined, types: readonly TLayerType[]) =>
  network?.layers.some((l) => types.includes(l.type)) ?? false;

/** Convolutions: filter grids, feature maps and the Zeiler & Fergus views have something to show. */
export const hasConvLayer = (network: TResolvedNetwork | undefined): boolean => hasLayer(network, ['conv2d']);

/** Recurrent cells: the hidden-state views have something to show. */
export const hasRecurrentLayer = (network: TResolvedNetwork | undefined): boolean => hasLayer(network, RECURRENT);

/** Layer names, input to output: the order every layer list of a run follows. */
export const layerOrder = (network: TResolvedNetwork | undefined): string[] => network?.layers.map((l) => l.name) ?? [];
