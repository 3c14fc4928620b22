import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZRunConfig } from './run-config.schema';
import { ZRunListQuery } from './run.schema';
import { fieldMessages, toFieldErrors } from './zod-errors';

const errorsOf = (schema: z.ZodType, input: unknown) => toFieldErrors(schema.safeParse(input, { error: fieldMessages }).error!);

describe('fieldMessages', () => {
  it('phrases zod defaults as "<field> must …", leaving the schemas\u2019 own messages as they are', () => {
    expect(errorsOf(ZRunConfig, { name: 'x', model: 'lstm', batchSize: 0, epochs: '1', optimizer: 'ADAM', learningRate: 0 })).toEqual(
      expect.arrayContaining([
        { path: 'batchSize', message: 'batchSize must be at least 1' },
        { path: 'epochs', message: 'epochs must be a number' },
        { path: 'optimizer', message: 'optimizer must be one of adam, sgd, momentum' },
        { path: 'learningRate', message: 'learningRate must be greater than 0' },
      ]),
    );
    expect(errorsOf(ZRunListQuery, { status: 'sleeping', pageSize: '500' })).toEqual([
      { path: 'status', message: 'status must be one of queued, running, completed, failed, cancelled' },
      { path: 'pageSize', message: 'pageSize must be at most 200' },
    ]);
  });

  it('says what is missing, and what a body that is no object should be', () => {
    expect(errorsOf(ZRunConfig, {})).toEqual([{ path: 'model', message: 'model must be one of lenet5, rnn, lstm, gru, custom' }]);
    expect(errorsOf(ZRunConfig, [1])).toEqual([{ path: '(root)', message: 'request body must be a JSON object' }]);
  });

  it('words bounds of lengths, list sizes and exclusive limits', () => {
    const schema = z.strictObject({ tags: z.array(z.string()).min(2), code: z.string().max(3), ratio: z.number().gt(0), on: z.boolean() });
    expect(errorsOf(schema, { tags: ['a'], code: 'abcd', ratio: 0, on: 'yes' })).toEqual([
      { path: 'tags', message: 'tags must be at least 2 items' },
      { path: 'code', message: 'code must be at most 3 characters' },
      { path: 'ratio', message: 'ratio must be greater than 0' },
      { path: 'on', message: 'on must be true or false' },
    ]);
  });
});

describe('toFieldErrors', () => {
  it('answers one message per field: a dataset-specific bound wins over the generic one it would contradict', async () => {
    const { ZRunConfig } = await import('./run-config.schema');
    const parsed = ZRunConfig.safeParse(
      { name: 'x', model: 'lenet5', variant: 'cifar-gray28', trainSubset: 70_000 },
      { error: fieldMessages },
    );
    expect(toFieldErrors(parsed.error!)).toEqual([
      { path: 'trainSubset', message: 'trainSubset must be at most 50000 (cifar10 has 50000 training images)' },
    ]);
    const mnist = ZRunConfig.safeParse({ name: 'x', model: 'lstm', trainSubset: 70_000, epochs: 0 }, { error: fieldMessages });
    expect(
      toFieldErrors(mnist.error!)
        .map((e) => e.path)
        .sort(),
    ).toEqual(['epochs', 'trainSubset']);
  });
});
