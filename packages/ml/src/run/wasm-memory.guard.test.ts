import { ZRunConfig } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { wasmMemoryProblem } from './wasm-memory.guard';

const config = (input: Record<string, unknown>) => ZRunConfig.parse({ name: 'x', ...input });

describe('wasm memory guard for recurrent runs', () => {
  it('lets the measured working cases through (LSTM-1024 at batch 512, two layers of it) and refuses beyond', () => {
    expect(wasmMemoryProblem(config({ model: 'lstm', hiddenSize: 1024, batchSize: 512 }), 'wasm')).toBeUndefined();
    expect(wasmMemoryProblem(config({ model: 'lstm', hiddenSize: 1024, layers: 2, batchSize: 512 }), 'wasm')).toBeUndefined();
    // Measured: 1 × LSTM-1024 at batch 1,400 peaked at 3.51 GiB, too close to 4 GB to allow.
    expect(wasmMemoryProblem(config({ model: 'lstm', hiddenSize: 1024, batchSize: 1400 }), 'wasm')).toMatch(/use batchSize ≤ 12\d\d,/);
    expect(wasmMemoryProblem(config({ model: 'lstm', hiddenSize: 1024, layers: 2, batchSize: 1024 }), 'wasm')).toMatch(
      /on the wasm backend .* use batchSize ≤ 5\d\d,/,
    );
  });

  it('scales with gates and layers: a GRU-1024 fits a larger batch, 3 LSTM layers a smaller one', () => {
    expect(wasmMemoryProblem(config({ model: 'gru', hiddenSize: 1024, layers: 2, batchSize: 682 }), 'wasm')).toBeUndefined();
    expect(wasmMemoryProblem(config({ model: 'lstm', hiddenSize: 1024, layers: 3, batchSize: 512 }), 'wasm')).toMatch(/batchSize ≤ 3\d\d,/);
  });

  it('holds the simple RNN, still on the taped loop, to what it was measured to need', () => {
    // Measured: RNN-1024 at batch 1,536 peaked at 1.44 GiB.
    expect(wasmMemoryProblem(config({ model: 'rnn', hiddenSize: 1024, batchSize: 1536 }), 'wasm')).toBeUndefined();
    expect(wasmMemoryProblem(config({ model: 'rnn', hiddenSize: 1024, batchSize: 2048 }), 'wasm')).toMatch(/use batchSize ≤ 1\d\d\d,/);
  });

  it('says nothing for other backends or for LeNet', () => {
    expect(wasmMemoryProblem(config({ model: 'lstm', hiddenSize: 2048, batchSize: 4096 }), 'tensorflow-gpu')).toBeUndefined();
    expect(wasmMemoryProblem(config({ model: 'lenet5', batchSize: 4096 }), 'wasm')).toBeUndefined();
  });
});
