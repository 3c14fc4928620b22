import { ZRunConfig } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { wasmMemoryProblem } from './wasm-memory.guard';

const config = (input: Record<string, unknown>) => ZRunConfig.parse({ name: 'x', ...input });

describe('wasm memory guard for recurrent runs', () => {
  it('lets the measured working cases through (LSTM-1024 at batch 512, two layers of it) and refuses beyond', () => {
    expect(wasmMemoryProblem(config({ model: 'lstm', hiddenSize: 1024, batchSize: 512 }), 'wasm')).toBeUndefined();
    expect(wasmMemoryProblem(config({ model: 'lstm', hiddenSize: 1024, layers: 2, batchSize: 512 }), 'wasm')).toBeUndefined();
    expect(wasmMemoryProblem(config({ model: 'lstm', hiddenSize: 1024, layers: 2, batchSize: 1024 }), 'wasm')).toMatch(
      /use batchSize ≤ 512/,
    );
  });

  it('scales with gates and layers: a GRU-1024 fits a larger batch, 3 LSTM layers a smaller one', () => {
    expect(wasmMemoryProblem(config({ model: 'gru', hiddenSize: 1024, layers: 2, batchSize: 682 }), 'wasm')).toBeUndefined();
    expect(wasmMemoryProblem(config({ model: 'lstm', hiddenSize: 1024, layers: 3, batchSize: 512 }), 'wasm')).toMatch(/batchSize ≤ 341/);
  });

  it('keeps the simple RNN, still on the taped loop, to its own measured budget', () => {
    expect(wasmMemoryProblem(config({ model: 'rnn', hiddenSize: 1024, batchSize: 512 }), 'wasm')).toBeUndefined();
    expect(wasmMemoryProblem(config({ model: 'rnn', hiddenSize: 1024, batchSize: 1024 }), 'wasm')).toMatch(/use batchSize ≤ 512/);
  });

  it('says nothing for other backends or for LeNet', () => {
    expect(wasmMemoryProblem(config({ model: 'lstm', hiddenSize: 2048, batchSize: 4096 }), 'tensorflow-gpu')).toBeUndefined();
    expect(wasmMemoryProblem(config({ model: 'lenet5', batchSize: 4096 }), 'wasm')).toBeUndefined();
  });
});
