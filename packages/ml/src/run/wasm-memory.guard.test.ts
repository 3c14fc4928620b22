import { ZRunConfig } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { wasmMemoryProblem } from './wasm-memory.guard';

const config = (input: Record<string, unknown>) => ZRunConfig.parse({ name: 'x', ...input });

describe('wasm memory guard for recurrent runs', () => {
  it('lets the measured working case through and refuses the measured abort', () => {
    expect(wasmMemoryProblem(config({ model: 'lstm', hiddenSize: 1024, batchSize: 128 }), 'wasm')).toBeUndefined();
    expect(wasmMemoryProblem(config({ model: 'lstm', hiddenSize: 1024, batchSize: 256 }), 'wasm')).toMatch(/use batchSize ≤ 128/);
  });

  it('scales with gates and layers: a GRU-1024 fits a larger batch, 3 LSTM layers a smaller one', () => {
    expect(wasmMemoryProblem(config({ model: 'gru', hiddenSize: 1024, batchSize: 170 }), 'wasm')).toBeUndefined();
    expect(wasmMemoryProblem(config({ model: 'lstm', hiddenSize: 1024, layers: 3, batchSize: 64 }), 'wasm')).toMatch(/batchSize ≤ 42/);
  });

  it('says nothing for other backends or for LeNet', () => {
    expect(wasmMemoryProblem(config({ model: 'lstm', hiddenSize: 2048, batchSize: 4096 }), 'tensorflow-gpu')).toBeUndefined();
    expect(wasmMemoryProblem(config({ model: 'lenet5', batchSize: 4096 }), 'wasm')).toBeUndefined();
  });
});
