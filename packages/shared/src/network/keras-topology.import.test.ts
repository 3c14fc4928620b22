import { describe, expect, it } from 'vitest';
import { importKerasTopology } from './keras-topology.import';

const seq = (layers: unknown[]) => ({ class_name: 'Sequential', config: { name: 's', layers }, keras_version: 'tfjs-layers 4.22.0' });
const problems = (topology: unknown) => {
  const r = importKerasTopology(topology);
  return r.ok ? [] : r.problems.map((p) => p.message);
};

describe('importKerasTopology', () => {
  it('maps Keras layers and their options onto the schema, with the declared input shape', () => {
    const r = importKerasTopology(
      JSON.stringify(
        seq([
          { class_name: 'InputLayer', config: { batch_input_shape: [null, 28, 28, 1], name: 'in' } },
          {
            class_name: 'Conv2D',
            config: {
              name: 'c1',
              filters: 8,
              kernel_size: [3, 3],
              strides: [1, 1],
              padding: 'same',
              activation: 'relu',
              use_bias: true,
              dilation_rate: [1, 1],
              data_format: 'channels_last',
            },
          },
          { class_name: 'MaxPooling2D', config: { pool_size: [2, 2], strides: null, padding: 'valid' } },
          { class_name: 'BatchNormalization', config: { axis: -1, momentum: 0.9, epsilon: 0.001, center: true, scale: true } },
          { class_name: 'Flatten', config: {} },
          { class_name: 'Dropout', config: { rate: 0.25 } },
          { class_name: 'Dense', config: { units: 10, activation: 'softmax', use_bias: false } },
        ]),
      ),
    );
    expect(r).toEqual({
      ok: true,
      inputShape: [28, 28, 1],
      layers: [
        { type: 'conv2d', name: 'c1', filters: 8, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu', useBias: true },
        { type: 'maxPool2d', poolSize: 2, padding: 'valid' },
        { type: 'batchNorm', momentum: 0.9, epsilon: 0.001 },
        { type: 'flatten' },
        { type: 'dropout', rate: 0.25 },
        { type: 'dense', units: 10, activation: 'softmax', useBias: false },
      ],
    });
  });

  it('takes a model.json (modelTopology) and Keras model_config wrappers', () => {
    const layers = [{ class_name: 'Dense', config: { units: 3, batch_input_shape: [null, 4] } }];
    expect(importKerasTopology({ modelTopology: seq(layers) })).toMatchObject({ ok: true, inputShape: [4] });
    expect(importKerasTopology({ model_config: seq(layers), training_config: {} })).toMatchObject({ ok: true });
    expect(importKerasTopology({ class_name: 'Sequential', config: layers })).toMatchObject({ ok: true });
  });

  it('names every layer and option it cannot take, never dropping one', () => {
    expect(
      problems(
        seq([
          {
            class_name: 'Conv2D',
            config: { name: 'c', filters: 8, kernel_size: [3, 3], dilation_rate: [2, 2], data_format: 'channels_first' },
          },
          { class_name: 'Conv3D', config: { name: 'deep' } },
          { class_name: 'LSTM', config: { units: 8, go_backwards: true } },
          { class_name: 'Dense', config: { units: 0 } },
        ]),
      ),
    ).toEqual([
      'layer 0 (Conv2D "c"): data_format "channels_first" is not supported (only "channels_last")',
      'layer 0 (Conv2D "c"): dilation_rate [2,2] is not supported (only 1)',
      expect.stringMatching(/^layer 1 \(Conv3D "deep"\): Conv3D layers are not supported \(supported: Conv2D, /),
      'layer 2 (LSTM): go_backwards true is not supported (only false)',
      'layer 3 (Dense): units: units must be at least 1',
    ]);
  });

  it('refuses what is not a Sequential topology', () => {
    expect(problems('{not json')).toEqual(['the topology is not valid JSON']);
    expect(problems({ class_name: 'Model', config: {} })).toEqual(['only Sequential models can be imported; this is a Model']);
    expect(problems({ layers: [] })).toEqual(['expected a Keras/TF.js topology: an object with class_name and config']);
    expect(problems(seq([]))).toEqual(['the topology has no layers to import']);
  });
});
