import { Injectable } from '@nestjs/common';
import {
  fieldMessages,
  importKerasTopology,
  resolveRunNetwork,
  toFieldErrors,
  trainMemoryProblem,
  ZRunConfig,
  type TFieldErrors,
  type TRunConfig,
} from '@tensorscope/shared';
import { ApiError } from '../common/api-error';
import { DatasetRepository } from '../datasets/dataset.repository';

/**
 * Turns a custom run's config as posted into the config stored and trained: its dataset looked up
 * in the catalogue (its shape, classes, sizes and checksum recorded in datasetFacts), an imported
 * Keras/TF.js topology turned into a layer stack, and the network checked layer by layer. Anything
 * that could not train is a 400 naming the field (network.layers.<index> for a layer) before the
 * run is queued. Preset models pass through unchanged.
 */
@Injectable()
export class CustomRunResolver {
  constructor(private readonly datasets: DatasetRepository) {}

  /** `where` places the errors in a larger body: a sweep's run is reported on base.<field>, prefixed with its combination. */
  async resolve(config: TRunConfig, where: { what: string; at?: string; label?: string } = { what: 'run config' }): Promise<TRunConfig> {
    if (config.model !== 'custom') return config;
    const fail = (errors: TFieldErrors) =>
      ApiError.validation(
        where.what,
        errors.map((e) => ({ path: `${where.at ?? ''}${e.path}`, message: where.label ? `(${where.label}) ${e.message}` : e.message })),
      );
    const row = await this.datasets.findReady(config.dataset);
    if (!row)
      throw fail([{ path: 'dataset', message: `there is no dataset ${config.dataset} in the catalogue (GET /api/datasets lists them)` }]);
    let network = config.network;
    if ('keras' in network) {
      const imported = importKerasTopology(network.keras);
      if (!imported.ok)
        throw fail(
          imported.problems.map((p) => ({
            path: p.index === null ? 'network.keras' : `network.keras.layers.${p.index}`,
            message: p.message,
          })),
        );
      const declared = imported.inputShape;
      const shape = row.inputShape;
      const size = (d: readonly number[]) => d.reduce((a, b) => a * b, 1);
      if (declared && declared.join() !== shape.join()) {
        // A topology built for flat (or otherwise shaped) input reads the same pixels reshaped,
        // as long as there are as many of them; anything else cannot be fed this dataset.
        if (size(declared) !== size(shape))
          throw fail([
            {
              path: 'network.keras',
              message: `the topology reads [${declared.join(', ')}] inputs (${size(declared)} values); dataset ${row.name} has [${shape.join(', ')}] images (${size(shape)} values)`,
            },
          ]);
        imported.layers.unshift({ type: 'reshape', name: 'input_reshape', targetShape: declared });
      }
      network = { layers: imported.layers };
    }
    const resolved = ZRunConfig.safeParse(
      {
        ...config,
        network,
        datasetFacts: {
          name: row.name,
          inputShape: row.inputShape,
          classes: row.classNames,
          trainSize: row.trainSize,
          testSize: row.testSize,
          checksum: row.checksum,
        },
      },
      { error: fieldMessages },
    );
    if (!resolved.success) throw fail(toFieldErrors(resolved.error));
    const inferred = resolveRunNetwork(resolved.data);
    if (!inferred.ok)
      throw fail(inferred.problems.map((p) => ({ path: p.index === null ? 'network' : `network.layers.${p.index}`, message: p.message })));
    const memory = trainMemoryProblem(inferred.network, resolved.data.batchSize);
    if (memory) throw fail([{ path: 'batchSize', message: memory }]);
    return resolved.data;
  }
}
