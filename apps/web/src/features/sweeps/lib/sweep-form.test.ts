import { describe, expect, it } from 'vitest';
import { defaultFormValues, type TRunFormValues } from '../../runs/lib/run-form';
import { networkDraftText, readNetworkDraft } from '../../network/lib/layer-draft';
import {
  buildSweepDraft,
  choicesFromValues,
  placeSweepErrors,
  pointLabel,
  toggleChoice,
  valuesFromChoices,
  type TSweepChoices,
} from './sweep-form';

const values = (over: Partial<TRunFormValues> = {}): TRunFormValues => ({ ...defaultFormValues(), name: 'study', ...over });
const choices = (over: Partial<TSweepChoices> = {}): TSweepChoices => ({ ...choicesFromValues(values()), ...over });

describe('choices ↔ values', () => {
  it('starts each multi-select with the single choice and goes back to the first tick', () => {
    const v = values({ model: 'gru', optimizer: 'sgd' });
    expect(choicesFromValues(v)).toEqual({ model: ['gru'], variant: ['cifar-gray28'], optimizer: ['sgd'], backend: ['auto'] });
    const back = valuesFromChoices(
      { ...v, hiddenSize: ' 256 , 512', epochs: '3', trainSubset: ', ' },
      { model: ['rnn', 'lstm'], variant: [], optimizer: ['adam'], backend: ['cpu'] },
    );
    expect(back).toMatchObject({ model: 'rnn', variant: 'cifar-gray28', optimizer: 'adam', backend: 'cpu' });
    expect(back).toMatchObject({ hiddenSize: '256', epochs: '3', trainSubset: '' });
  });

  it('toggles an option, keeping the options order', () => {
    const options = ['lenet5', 'rnn', 'lstm', 'gru'];
    expect(toggleChoice(options, ['gru'], 'rnn')).toEqual(['rnn', 'gru']);
    expect(toggleChoice(options, ['rnn', 'gru'], 'rnn')).toEqual(['gru']);
  });
});

describe('buildSweepDraft', () => {
  it('makes one axis per field with several values, in sweep-field order, the rest in base', () => {
    const draft = buildSweepDraft(
      values({ learningRate: '0.001, 0.01', hiddenSize: '64, 128', epochs: '2' }),
      choices({ model: ['rnn', 'lstm'] }),
    );
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    expect(draft.runCount).toBe(8); // 2 models × 2 sizes × 2 rates
    expect(draft.create.axes).toEqual([
      { field: 'model', values: ['rnn', 'lstm'] },
      { field: 'hiddenSize', values: [64, 128] },
      { field: 'learningRate', values: [0.001, 0.01] },
    ]);
    expect(draft.create.base).toMatchObject({ epochs: 2, optimizer: 'adam', layers: 1, dropout: 0, snapshotLimit: 40 });
    // Only recurrent models are ticked: the LeNet variant is left out of the base.
    expect(draft.create.base).not.toHaveProperty('variant');
    expect(draft.create.base).not.toHaveProperty('trainSubset');
    expect(draft.points[0]).toEqual({ model: 'rnn', hiddenSize: 64, learningRate: 0.001 });
    expect(draft.points[7]).toEqual({ model: 'lstm', hiddenSize: 128, learningRate: 0.01 });
  });

  it('leaves the recurrent fields out when only LeNet is swept', () => {
    const draft = buildSweepDraft(values({ hiddenSize: 'junk' }), choices({ variant: ['cifar-gray28', 'mnist'] }));
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    expect(draft.runCount).toBe(2);
    expect(draft.create.base).not.toHaveProperty('hiddenSize');
  });

  it('shows a non-number at its field and leaves the count unknown', () => {
    const draft = buildSweepDraft(values({ hiddenSize: '128, big' }), choices({ model: ['lstm'] }));
    expect(draft.ok).toBe(false);
    if (draft.ok) return;
    expect(draft.errors.hiddenSize).toBe('hiddenSize: "big" is not a number');
    expect(draft.runCount).toBeNull();
  });

  it('points an invalid combination at the axis field, naming the combination', () => {
    // LeNet on CIFAR has 50,000 training images; MNIST (the LSTM) has 60,000.
    const draft = buildSweepDraft(values({ trainSubset: '40000, 55000' }), choices({ model: ['lenet5', 'lstm'] }));
    expect(draft.ok).toBe(false);
    if (draft.ok) return;
    expect(draft.runCount).toBe(4);
    expect(draft.errors.trainSubset).toMatch(/^\(model=lenet5, trainSubset=55000\) trainSubset must be at most 50000/);
    expect(Object.keys(draft.errors)).toEqual(['trainSubset']);
  });

  it('puts a bad single value on its field (base) and a missing pick on the multi-select', () => {
    const bad = buildSweepDraft(values({ learningRate: '20', epochs: '1, 2' }), choices());
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.learningRate).toMatch(/learningRate must be at most 10/);
    const none = buildSweepDraft(values({ epochs: '1, 2' }), choices({ optimizer: [] }));
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.errors.optimizer).toBe('optimizer: pick at least one');
  });

  it('asks for something to vary, and for a name', () => {
    const flat = buildSweepDraft(values(), choices());
    expect(flat.ok).toBe(false);
    if (!flat.ok) expect(flat.errors.form).toMatch(/two or more values/);
    expect(flat.runCount).toBe(1);
    const unnamed = buildSweepDraft(values({ name: ' ', epochs: '1, 2' }), choices());
    expect(unnamed.ok).toBe(false);
    if (!unnamed.ok) expect(unnamed.errors.name).toBe('name is required');
  });

  it('refuses more than 100 runs at the form level, with the count known', () => {
    const draft = buildSweepDraft(
      values({ seed: '1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11', epochs: '1, 2, 3, 4, 5, 6, 7, 8, 9, 10' }),
      choices(),
    );
    expect(draft.runCount).toBe(110);
    expect(draft.ok).toBe(false);
    if (!draft.ok) expect(draft.errors.form).toBe('this sweep makes 110 runs; at most 100');
  });

  it('names a value listed twice', () => {
    const draft = buildSweepDraft(values({ learningRate: '0.001, 1e-3' }), choices());
    expect(draft.ok).toBe(false);
    if (!draft.ok) expect(draft.errors.learningRate).toBe('learningRate lists a value twice');
  });
});

describe('placeSweepErrors', () => {
  const axes = [
    { field: 'model' as const, values: ['lenet5', 'gru'] },
    { field: 'hiddenSize' as const, values: [64, 4096] },
  ];
  it('maps axis, base and name paths to fields; the rest to the form', () => {
    expect(
      placeSweepErrors(
        [
          { path: 'axes.1.values.1', message: 'too big' },
          { path: 'axes.1.values.1', message: 'second' },
          { path: 'base.batchSize', message: 'bad batch' },
          { path: 'name', message: 'name is required' },
          { path: 'axes', message: 'too many runs' },
          { path: 'base.nonsense', message: 'unknown' },
        ],
        axes,
      ),
    ).toEqual({ hiddenSize: 'too big', batchSize: 'bad batch', name: 'name is required', form: 'too many runs; unknown' });
  });
});

describe('sweeps over a custom network', () => {
  const custom = (filters: string) => {
    const v = values({ model: 'custom' });
    const drafts = readNetworkDraft(v.network);
    drafts[0]!.fields.filters = filters;
    return { ...v, network: networkDraftText(drafts) };
  };

  it('makes a list in a layer box the axis network.layers.N.field, its first value in the base', () => {
    const v = custom('8, 16, 32');
    const draft = buildSweepDraft(v, choicesFromValues(v));
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    expect(draft.create.axes).toEqual([{ field: 'network.layers.0.filters', values: [8, 16, 32] }]);
    expect(draft.create.base).toMatchObject({ model: 'custom', dataset: 'mnist' });
    expect((draft.create.base.network as { layers: { filters?: number }[] }).layers[0]!.filters).toBe(8);
    expect(draft.points).toEqual([8, 16, 32].map((f) => ({ 'network.layers.0.filters': f })));
  });

  it('puts a bad list value on the layer’s row', () => {
    const v = custom('8, 0');
    const draft = buildSweepDraft(v, choicesFromValues(v));
    expect(draft.ok ? {} : draft.errors).toEqual({ 'network.layers.0': expect.stringMatching(/filters must be at least 1/) });
    const words = custom('8, many');
    const bad = buildSweepDraft(words, choicesFromValues(words));
    expect(bad.ok ? {} : bad.errors).toMatchObject({ 'network.layers.0': expect.stringMatching(/"many" is not a number/) });
  });

  it('leaving sweep mode keeps each layer list’s first value', () => {
    const single = valuesFromChoices(custom('4, 8'), choicesFromValues(custom('4, 8')));
    expect(readNetworkDraft(single.network)[0]!.fields.filters).toBe('4');
  });

  it('places server paths of a layer (base or axis) on that row', () => {
    const axes = [{ field: 'network.layers.2.units' as const, values: [1, 2] }];
    expect(
      placeSweepErrors(
        [
          { path: 'axes.0.values.1', message: 'too big' },
          { path: 'base.network.layers.0', message: 'kernel too large' },
          { path: 'base.trainSubset', message: 'too many' },
        ],
        axes,
      ),
    ).toEqual({ 'network.layers.2': 'too big', 'network.layers.0': 'kernel too large', trainSubset: 'too many' });
  });
});

describe('pointLabel', () => {
  it('lists field=value pairs', () => {
    expect(pointLabel({ model: 'lstm', hiddenSize: 128 })).toBe('model=lstm · hiddenSize=128');
  });
});
