import { describe, expect, it } from 'vitest';
import { ZRunConfig } from './run-config.schema';
import { autoRunName } from './run-name';
import { fieldMessages, toFieldErrors } from './zod-errors';

const errorsOf = (input: unknown) => {
  const r = ZRunConfig.safeParse(input, { error: fieldMessages });
  return r.success ? [] : toFieldErrors(r.error);
};

const upload = '0b5f1a2e-1111-4222-8333-944455556666';
const facts = { name: 'Fashion MNIST', inputShape: [28, 28, 1], classes: ['a', 'b'], trainSize: 100, testSize: 20, checksum: 'x' };

describe('ZRunConfig, model custom', () => {
  it('takes a dataset id and a layer stack, with the layers’ defaults applied', () => {
    const c = ZRunConfig.parse({ model: 'custom', dataset: upload, network: { layers: [{ type: 'conv2d', filters: 4, kernelSize: 3 }] } });
    expect(c.model === 'custom' && 'layers' in c.network && c.network.layers[0]).toMatchObject({ strides: 1, padding: 'valid' });
  });

  it('names what is wrong: no dataset, a bad id, a bad layer, a preset-only field', () => {
    expect(errorsOf({ model: 'custom', network: { layers: [{ type: 'flatten' }] } })[0]!.path).toBe('dataset');
    expect(errorsOf({ model: 'custom', dataset: 'x; drop', network: { layers: [{ type: 'flatten' }] } })).toEqual([
      { path: 'dataset', message: 'dataset must be mnist, cifar10 or an uploaded dataset id' },
    ]);
    const bad = errorsOf({ model: 'custom', dataset: 'mnist', network: { layers: [{ type: 'dense', units: 0 }] } });
    expect(bad.some((e) => /units must be at least 1/.test(e.message))).toBe(true);
    expect(errorsOf({ model: 'custom', dataset: 'mnist', network: { layers: [{ type: 'flatten' }] }, hiddenSize: 3 })).toEqual([
      { path: 'hiddenSize', message: '"hiddenSize" does not apply to model custom' },
    ]);
    expect(errorsOf({ model: 'lenet5', network: { layers: [] } })).toEqual([
      { path: 'network', message: '"network" does not apply to model lenet5' },
    ]);
  });

  it('bounds subsets by the recorded dataset facts', () => {
    const errors = errorsOf({
      model: 'custom',
      dataset: upload,
      datasetFacts: facts,
      trainSubset: 101,
      network: { layers: [{ type: 'flatten' }] },
    });
    expect(errors).toEqual([{ path: 'trainSubset', message: `trainSubset must be at most 100 (${upload} has 100 training images)` }]);
  });

  it('names a custom run after its dataset and layers', () => {
    const c = ZRunConfig.parse({
      model: 'custom',
      dataset: upload,
      datasetFacts: facts,
      network: {
        layers: [{ type: 'conv2d', filters: 16, kernelSize: 3 }, { type: 'maxPool2d' }, { type: 'flatten' }, { type: 'dense', units: 10 }],
      },
      learningRate: 0.01,
    });
    expect(autoRunName(c)).toBe('fashion-mnist-c16-p-f-d10-adam-lr0.01');
  });
});
