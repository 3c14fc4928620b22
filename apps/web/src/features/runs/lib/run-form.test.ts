import { describe, expect, it } from 'vitest';
import { ZRunConfig, autoRunName } from '@tensorscope/shared';
import { networkDraftText, readNetworkDraft } from '../../network/lib/layer-draft';
import {
  autoNamePreview,
  datasetFactsOf,
  defaultFormValues,
  formErrorsFromServer,
  formValuesForClone,
  formValuesFromConfig,
  parseRunForm,
  type TRunFormValues,
} from './run-form';

const valid = (): TRunFormValues => ({ ...defaultFormValues(), name: 'gray-adam' });

describe('defaultFormValues', () => {
  it('takes the schema defaults, with an empty name', () => {
    expect(defaultFormValues()).toMatchObject({
      name: '',
      model: 'lenet5',
      variant: 'cifar-gray28',
      optimizer: 'adam',
      learningRate: '0.001',
      batchSize: '64',
      hiddenSize: '128',
      layers: '1',
      dropout: '0',
      gradClipNorm: '',
      trainSubset: '',
      evalSubset: '',
      backend: 'auto',
    });
  });
});

describe('formValuesFromConfig', () => {
  it("fills the form with a run's config, the other family's fields keeping their defaults", () => {
    const config = ZRunConfig.parse({ name: 'deep', model: 'lstm', hiddenSize: 256, layers: 2, learningRate: 0.01, trainSubset: 20_000 });
    const values = formValuesFromConfig(config);
    expect(values).toMatchObject({
      name: 'deep',
      model: 'lstm',
      hiddenSize: '256',
      layers: '2',
      learningRate: '0.01',
      trainSubset: '20000',
      gradClipNorm: '',
      variant: 'cifar-gray28',
    });
    expect(Object.keys(values).sort()).toEqual(Object.keys(defaultFormValues()).sort());
  });

  it('round-trips: the form parses back to the same config', () => {
    for (const input of [
      { name: 'a', model: 'lenet5', variant: 'mnist', optimizer: 'momentum', gradClipNorm: 2.5, evalSubset: 500 },
      { name: 'b', model: 'gru', dropout: 0.3, epochs: 4, seed: 9, backend: 'cpu' },
    ] as const) {
      const config = ZRunConfig.parse(input);
      const parsed = parseRunForm(formValuesFromConfig(config));
      expect(parsed).toEqual({ ok: true, config });
    }
  });
});

describe('formValuesForClone', () => {
  it('numbers a given name and leaves a generated one blank (named again from the settings)', () => {
    const config = ZRunConfig.parse({ model: 'lstm', hiddenSize: 256 });
    expect(formValuesForClone({ name: 'deep lstm', config }).name).toBe('deep lstm (2)');
    expect(formValuesForClone({ name: 'deep lstm (2)', config }).name).toBe('deep lstm (3)');
    expect(formValuesForClone({ name: 'lstm-256x1-adam', config })).toMatchObject({ name: '', hiddenSize: '256', model: 'lstm' });
  });
});

describe('autoNamePreview', () => {
  it('previews the generated name of what the form holds, nothing while it is invalid', () => {
    expect(autoNamePreview({ ...defaultFormValues(), name: 'typed', model: 'gru', learningRate: '0.01' })).toBe('gru-128x1-adam-lr0.01');
    expect(autoNamePreview({ ...defaultFormValues(), batchSize: 'x' })).toBeUndefined();
  });
});

describe('parseRunForm', () => {
  it('parses numbers and returns a config', () => {
    const result = parseRunForm({ ...valid(), learningRate: ' 1e-3 ', epochs: '2', trainSubset: '2000' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({ name: 'gray-adam', model: 'lenet5', learningRate: 0.001, epochs: 2, trainSubset: 2000 });
  });

  it('trims the name; a blank one is left for the API to generate', () => {
    const result = parseRunForm({ ...valid(), name: '   ' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.name).toBe('');
    expect(autoRunName(result.config)).toBe('lenet5-cifar-gray28-adam');
  });

  it('gives one message per invalid field', () => {
    const result = parseRunForm({ ...valid(), learningRate: '0', batchSize: '1.5', evalSubset: '0' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.learningRate).toBe('learningRate must be greater than 0');
    expect(result.errors.batchSize).toBe('batchSize must be an integer');
    expect(result.errors.evalSubset).toBe('evalSubset must be at least 1');
    expect(Object.keys(result.errors).sort()).toEqual(['batchSize', 'evalSubset', 'learningRate']);
  });

  it("bounds the subsets by the chosen dataset's split", () => {
    const cifar = parseRunForm({ ...valid(), trainSubset: '55000' });
    expect(cifar.ok).toBe(false);
    if (!cifar.ok) expect(cifar.errors.trainSubset).toMatch(/at most 50000/);
    // MNIST has 60,000 training images, so the same number is fine there.
    expect(parseRunForm({ ...valid(), variant: 'mnist', trainSubset: '55000' }).ok).toBe(true);
  });

  it('leaves blank optional fields unset (whole split, no clipping)', () => {
    const result = parseRunForm(valid());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).not.toHaveProperty('trainSubset');
    expect(result.config).not.toHaveProperty('evalSubset');
    expect(result.config).not.toHaveProperty('gradClipNorm');
    const clipped = parseRunForm({ ...valid(), gradClipNorm: '1.5' });
    expect(clipped.ok && clipped.config.gradClipNorm).toBe(1.5);
  });

  it('reads only the chosen model family: recurrent fields for an LSTM, the variant for LeNet', () => {
    const lstm = parseRunForm({ ...valid(), model: 'lstm', hiddenSize: '256', layers: '2', dropout: '0.2', variant: 'garbage' });
    expect(lstm.ok).toBe(true);
    if (!lstm.ok) return;
    expect(lstm.config).toMatchObject({ model: 'lstm', hiddenSize: 256, layers: 2, dropout: 0.2 });
    expect(lstm.config).not.toHaveProperty('variant');
    // A hidden recurrent box with junk in it does not block a LeNet run.
    const lenet = parseRunForm({ ...valid(), hiddenSize: 'abc' });
    expect(lenet.ok).toBe(true);
    if (lenet.ok) expect(lenet.config).not.toHaveProperty('hiddenSize');
  });

  it('checks recurrent bounds', () => {
    const result = parseRunForm({ ...valid(), model: 'gru', layers: '4', dropout: '0.95' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.layers).toBe('layers must be 1, 2 or 3');
    expect(result.errors.dropout).toBe('dropout must be at most 0.9');
  });

  it('reports empty and non-numeric boxes rather than using defaults', () => {
    const result = parseRunForm({ ...valid(), epochs: '', seed: 'abc' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.epochs).toBe('epochs is required');
    expect(result.errors.seed).toBe('seed must be a number');
  });

  it('rejects an unknown choice', () => {
    const result = parseRunForm({ ...valid(), optimizer: 'rmsprop' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.optimizer).toBeTruthy();
  });
});

describe('formErrorsFromServer', () => {
  it('places details on their fields, the first message per field winning', () => {
    expect(
      formErrorsFromServer([
        { path: 'learningRate', message: 'too big' },
        { path: 'learningRate', message: 'second' },
        { path: 'config.seed', message: 'bad seed' },
      ]),
    ).toEqual({ learningRate: 'too big', seed: 'bad seed' });
  });

  it('collects paths that match no field into a form message', () => {
    expect(
      formErrorsFromServer([
        { path: '(root)', message: 'nope' },
        { path: 'extra', message: 'unknown key' },
      ]),
    ).toEqual({
      form: 'nope; extra: unknown key',
    });
  });
});

describe('custom networks in the form', () => {
  const custom = (): TRunFormValues => ({ ...defaultFormValues(), model: 'custom', name: 'cnn' });

  it('posts the chosen dataset and the editor’s layers, never dataset facts', () => {
    const parsed = parseRunForm(custom());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.config.model !== 'custom') return;
    expect(parsed.config.dataset).toBe('mnist');
    expect('layers' in parsed.config.network && parsed.config.network.layers.map((l) => l.type)).toEqual([
      'conv2d',
      'maxPool2d',
      'flatten',
    ]);
    expect(parsed.config.datasetFacts).toBeUndefined();
  });

  it('puts a layer’s field error on its row and says so on the network', () => {
    const values = custom();
    const drafts = readNetworkDraft(values.network);
    drafts[0]!.fields.filters = '0';
    const parsed = parseRunForm({ ...values, network: networkDraftText(drafts) });
    expect(parsed.ok ? {} : parsed.errors).toEqual({
      network: 'fix the layers marked below',
      'network.layers.0': 'layer 0 (conv2d): filters must be at least 1',
    });
  });

  it('clones a custom run into the editor, dropping the facts the API fills in', () => {
    const config = ZRunConfig.parse({
      model: 'custom',
      name: 'mine',
      dataset: 'cifar10',
      network: { layers: [{ type: 'conv2d', name: 'edges', filters: 4, kernelSize: [3, 5] }, { type: 'flatten' }] },
      datasetFacts: { name: 'CIFAR-10', inputShape: [32, 32, 3], classes: ['a', 'b'], trainSize: 5, testSize: 5, checksum: 'c' },
    });
    const values = formValuesFromConfig(config);
    expect(values.datasetFacts).toBe('');
    expect(readNetworkDraft(values.network).map((d) => d.fields.kernelSize ?? d.type)).toEqual(['3x5', 'flatten']);
    const again = parseRunForm(values);
    expect(again.ok && again.config).toEqual({ ...config, datasetFacts: undefined });
  });

  it('previews a custom run’s name with its dataset’s name', () => {
    const dataset = {
      id: '0a1b2c3d-0000-4000-8000-000000000000',
      name: 'Fashion MNIST',
      builtin: false,
      format: 'idx',
      inputShape: [28, 28, 1] as [number, number, number],
      classes: ['a', 'b'],
      trainSize: 6,
      testSize: 2,
      channelMean: [0.3],
      channelStd: [0.3],
      classCounts: { train: [3, 3], test: [1, 1] },
      checksum: 'c',
      sizeBytes: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const values = { ...custom(), name: '', dataset: dataset.id };
    expect(autoNamePreview(values, datasetFactsOf(dataset))).toBe('fashion-mnist-c8-p-f-adam');
    expect(autoNamePreview(values)).toMatch(/^0a1b2c3d/);
  });

  it('places a server 400 on network.layers.N on that row', () => {
    expect(
      formErrorsFromServer([
        { path: 'network.layers.3', message: 'layer 3 (conv2d): its kernel 5×5 is larger than its 4×4 input' },
        { path: 'network.layers.1.units', message: 'units must be at least 1' },
        { path: 'dataset', message: 'no dataset x' },
      ]),
    ).toEqual({
      'network.layers.3': 'layer 3 (conv2d): its kernel 5×5 is larger than its 4×4 input',
      'network.layers.1': 'units must be at least 1',
      dataset: 'no dataset x',
    });
  });
});
