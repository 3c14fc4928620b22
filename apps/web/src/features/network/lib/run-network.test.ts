import type { TRun } from '@tensorscope/shared';
import { ZRunConfig } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { hasConvLayer, hasRecurrentLayer, layerOrder, runNetwork } from './run-network';

const facts = {
  name: 'Fashion',
  inputShape: [28, 28, 1] as [number, number, number],
  classes: 'abcdefghij'.split(''),
  trainSize: 60,
  testSize: 10,
  checksum: 'c',
};
const config = (input: Record<string, unknown>) => ZRunConfig.parse(input);

describe('runNetwork', () => {
  it('resolves the course presets from their config', () => {
    const lenet = runNetwork({ config: config({ model: 'lenet5' }) });
    expect(layerOrder(lenet)).toEqual(['conv1', 'pool1', 'conv2', 'pool2', 'flatten', 'fc1', 'fc2']);
    expect(hasConvLayer(lenet)).toBe(true);
    expect(hasRecurrentLayer(lenet)).toBe(false);
    const gru = runNetwork({ config: config({ model: 'gru', layers: 2 }) });
    expect(hasConvLayer(gru)).toBe(false);
    expect(hasRecurrentLayer(gru)).toBe(true);
  });

  it('finds a custom run’s conv and recurrent layers by type, not by name', () => {
    const cnn = runNetwork({
      config: config({
        model: 'custom',
        dataset: 'mnist',
        datasetFacts: facts,
        network: { layers: [{ type: 'conv2d', name: 'edges', filters: 4, kernelSize: 3 }, { type: 'flatten' }] },
      }),
    });
    expect(hasConvLayer(cnn)).toBe(true);
    expect(layerOrder(cnn)).toEqual(['edges', 'flatten1', 'head']);
    const rows = runNetwork({
      config: config({
        model: 'custom',
        dataset: 'mnist',
        datasetFacts: facts,
        network: {
          layers: [
            { type: 'reshape', targetShape: [28, 28] },
            { type: 'lstm', name: 'memory', units: 8 },
          ],
        },
      }),
    });
    expect(hasConvLayer(rows)).toBe(false);
    expect(hasRecurrentLayer(rows)).toBe(true);
  });

  it('prefers the network the API resolved', () => {
    const network = {
      inputShape: [1],
      layers: [{ index: 0, name: 'only', type: 'dense' as const, outputShape: [2], params: 4 }],
      paramCount: 4,
      notes: [],
    };
    const run = { config: config({ model: 'lenet5' }), network } satisfies Pick<TRun, 'config' | 'network'>;
    expect(layerOrder(runNetwork(run))).toEqual(['only']);
  });

  it('knows nothing of a custom run on an upload whose facts are missing', () => {
    const upload = config({ model: 'custom', dataset: '0a1b2c3d-0000-4000-8000-000000000000', network: { layers: [{ type: 'flatten' }] } });
    expect(runNetwork({ config: upload })).toBeUndefined();
    expect(hasConvLayer(undefined)).toBe(false);
  });
});
