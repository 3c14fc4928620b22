import { ZRunConfig, ZRunListQuery } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { ZodPipe } from './zod.pipe';

function refusal(pipe: { transform(value: unknown): unknown }, value: unknown): ApiError {
  try {
    pipe.transform(value);
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
}

describe('ZodPipe', () => {
  it('answers 400 VALIDATION_FAILED with one "<field> must …" detail per problem, unknown keys each on their own path', () => {
    const error = refusal(new ZodPipe(ZRunConfig, 'run config'), {
      name: 'x',
      model: 'lstm',
      batchSize: 0,
      optimizer: 'ADAM',
      $where: '1',
      variant: 'mnist',
    });
    expect(error.getStatus()).toBe(400);
    expect(error.body.code).toBe('VALIDATION_FAILED');
    const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);
    expect([...(error.body.details as { path: string; message: string }[])].sort(byPath)).toEqual([
      { path: '$where', message: 'unknown field "$where"' },
      { path: 'batchSize', message: 'batchSize must be at least 1' },
      { path: 'optimizer', message: 'optimizer must be one of adam, sgd, momentum' },
      { path: 'variant', message: '"variant" does not apply to model lstm' },
    ]);
    expect(error.body.message).toMatch(/^Invalid run config: .*batchSize: batchSize must be at least 1/);
  });

  it('names a query parameter holding a NUL', () => {
    const error = refusal(new ZodPipe(ZRunListQuery, 'query'), { name: 'a\u0000' });
    expect(error.body.details).toEqual([{ path: 'name', message: 'name must not contain NUL characters or unpaired UTF-16 surrogates' }]);
  });

  it('passes what the schema parses, defaults applied', () => {
    expect(new ZodPipe(ZRunListQuery, 'query').transform({ page: '2' })).toMatchObject({ page: 2, pageSize: 20 });
  });
});
