import { expect, it } from 'vitest';
import { loadEnv } from './env';

const base = { DATABASE_URL: 'postgres://user@localhost:5432/db' };

it('reads TRAIN_THREADS as auto, 1 or 2 (auto unless set) and refuses anything else', () => {
  expect(loadEnv(base).TRAIN_THREADS).toBe('auto');
  expect(loadEnv({ ...base, TRAIN_THREADS: 'auto' }).TRAIN_THREADS).toBe('auto');
  expect(loadEnv({ ...base, TRAIN_THREADS: '1' }).TRAIN_THREADS).toBe(1);
  expect(loadEnv({ ...base, TRAIN_THREADS: '2' }).TRAIN_THREADS).toBe(2);
  expect(() => loadEnv({ ...base, TRAIN_THREADS: '4' })).toThrow(/TRAIN_THREADS/);
});
