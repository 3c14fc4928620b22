import * as path from 'node:path';

/**
 * Where the benchmark and the real-data tests keep decoded CIFAR-10 bytes:
 * $TENSORSCOPE_DATA_CACHE, else <repo>/.data/cache (git-ignored). Shared so the
 * ~8 s first decode happens once per machine, not once per test file.
 * Works from src/bench (vitest) and dist/bench (node) alike: both are 4 levels deep.
 */
export function dataCacheDir(): string {
  const fromEnv = process.env['TENSORSCOPE_DATA_CACHE'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return path.resolve(__dirname, '..', '..', '..', '..', '.data', 'cache');
}
