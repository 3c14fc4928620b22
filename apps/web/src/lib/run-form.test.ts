import { describe, expect, it } from 'vitest';
import { defaultFormValues, formErrorsFromServer, parseRunForm, type TRunFormValues } from './run-form';

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
      trainSubset: '50000',
      evalSubset: '10000',
      backend: 'auto',
    });
  });
});

describe('parseRunForm', () => {
  it('parses numbers and returns a config', () => {
    const result = parseRunForm({ ...valid(), learningRate: ' 1e-3 ', epochs: '2', trainSubset: '2000' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({ name: 'gray-adam', model: 'lenet5', learningRate: 0.001, epochs: 2, trainSubset: 2000 });
  });

  it('trims the name and rejects an empty one', () => {
    const result = parseRunForm({ ...valid(), name: '   ' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.name).toBe('name is required');
  });

  it('gives one message per invalid field', () => {
    const result = parseRunForm({ ...valid(), learningRate: '0', batchSize: '1.5', trainSubset: '60000' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.learningRate).toBe('learningRate must be greater than 0');
    expect(result.errors.batchSize).toBe('batchSize must be an integer');
    expect(result.errors.trainSubset).toMatch(/50000|50,000/);
    expect(Object.keys(result.errors).sort()).toEqual(['batchSize', 'learningRate', 'trainSubset']);
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
    expect(formErrorsFromServer([{ path: '(root)', message: 'nope' }, { path: 'extra', message: 'unknown key' }])).toEqual({
      form: 'nope; extra: unknown key',
    });
  });
});
