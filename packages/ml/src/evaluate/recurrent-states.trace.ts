import * as tf from '@tensorflow/tfjs';

/** The recurrent cells the models use (models/recurrent.model.ts), by their TF.js class names. */
const CELLS = { SimpleRNN: 'rnn', LSTM: 'lstm', GRU: 'gru' } as const;
export type TCellKind = (typeof CELLS)[keyof typeof CELLS];

/** One quantity of a recurrent layer at every step: steps × units, row-major. */
export interface TStateSeries {
  /** hidden, cell (LSTM), input / forget / candidate / output gates (LSTM), update / reset / candidate (GRU). */
  name: string;
  values: Float32Array;
}

export interface TRecurrentTrace {
  layer: string;
  cell: TCellKind;
  units: number;
  steps: number;
  series: TStateSeries[];
}

export interface TRecurrentTraces {
  layers: TRecurrentTrace[];
  /** The classifier's softmax on the last recurrent layer's hidden state after each step (steps × classes): what it would answer had the image ended there. */
  stepProbabilities: Float32Array;
  classes: number;
}

const cellOf = (layer: tf.layers.Layer): TCellKind | undefined => CELLS[layer.getClassName() as keyof typeof CELLS];

/**
 * Every recurrent layer of a Sequential model, unrolled by hand over the steps of one input
 * ([1, steps, features] after `rows`), with the same weights and equations as TF.js's cells
 * (tanh activations, sigmoid gates, as the models are built; LSTM gate order i, f, c, o; GRU
 * z, r, h with the reset gate applied before the recurrent product), so the gates, which TF.js
 * never exposes, can be shown. The hidden state's last step equals the layer's own output (tested).
 */
export async function traceRecurrent(model: tf.LayersModel, x: tf.Tensor): Promise<TRecurrentTraces> {
  if (!(model instanceof tf.Sequential)) throw new Error('tracing recurrent states needs a Sequential model');
  const layers: TRecurrentTrace[] = [];
  let input = x;
  let lastHidden: { index: number; states: tf.Tensor2D } | undefined;
  try {
    for (const [index, layer] of model.layers.entries()) {
      const cell = cellOf(layer);
      if (cell) {
        const trace = unroll(layer, cell, input as tf.Tensor3D);
        lastHidden?.states.dispose();
        lastHidden = { index, states: trace.hidden };
        layers.push(await traceOf(layer.name, cell, trace.series));
      }
      const output = tf.tidy(() => layer.apply(input, { training: false }) as tf.Tensor);
      if (input !== x) input.dispose();
      input = output;
    }
    if (!lastHidden) throw new Error('the model has no recurrent layer');
    // The layers after the last recurrent one (dropout, the dense classifier) on each step's state.
    const after = model.layers.slice(lastHidden.index + 1);
    const hidden = lastHidden.states;
    const probabilities = tf.tidy(() =>
      tf.softmax(after.reduce<tf.Tensor>((h, l) => l.apply(h, { training: false }) as tf.Tensor, hidden) as tf.Tensor2D),
    );
    const classes = probabilities.shape[1]!;
    const stepProbabilities = new Float32Array(await probabilities.data<'float32'>());
    probabilities.dispose();
    return { layers, stepProbabilities, classes };
  } finally {
    if (input !== x) input.dispose();
    lastHidden?.states.dispose();
  }
}

async function traceOf(layer: string, cell: TCellKind, series: Record<string, tf.Tensor2D>): Promise<TRecurrentTrace> {
  const entries = Object.entries(series);
  const [steps, units] = entries[0]![1].shape;
  const out: TStateSeries[] = [];
  for (const [name, t] of entries) {
    out.push({ name, values: new Float32Array(await t.data<'float32'>()) });
    if (name !== 'hidden') t.dispose(); // the hidden states go on to the classifier; the caller frees them
  }
  return { layer, cell, units, steps, series: out };
}

/** The layer's quantities at every step of `input` (batch of one), each [steps, units]. */
function unroll(layer: tf.layers.Layer, cell: TCellKind, input: tf.Tensor3D): { hidden: tf.Tensor2D; series: Record<string, tf.Tensor2D> } {
  return tf.tidy(() => {
    const [kernel, recurrent, bias] = layer.getWeights() as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
    const units = recurrent.shape[0];
    const steps = input.shape[1];
    const xs = tf.unstack(input.squeeze([0]) as tf.Tensor2D).map((row) => row.expandDims(0) as tf.Tensor2D);
    const rows: Record<string, tf.Tensor2D[]> = {};
    const keep = (name: string, t: tf.Tensor2D) => (rows[name] ??= []).push(t);
    let h = tf.zeros([1, units]) as tf.Tensor2D;
    let c = tf.zeros([1, units]) as tf.Tensor2D;
    for (let t = 0; t < steps; t++) {
      const x = xs[t]!;
      if (cell === 'rnn') {
        h = tf.tanh(x.matMul(kernel).add(h.matMul(recurrent)).add<tf.Tensor2D>(bias));
      } else if (cell === 'lstm') {
        const z = x.matMul(kernel).add(h.matMul(recurrent)).add(bias);
        const [zi, zf, zc, zo] = tf.split(z, 4, 1) as tf.Tensor2D[];
        const [i, f, g, o] = [tf.sigmoid(zi!), tf.sigmoid(zf!), tf.tanh(zc!), tf.sigmoid(zo!)];
        c = f.mul(c).add(i.mul(g));
        h = o.mul(tf.tanh(c));
        keep('cell', c);
        keep('input', i);
        keep('forget', f);
        keep('candidate', g);
        keep('output', o);
      } else {
        const mx = x.matMul(kernel).add(bias);
        const [rk1, rk2] = tf.split(recurrent, [2 * units, units], 1) as [tf.Tensor2D, tf.Tensor2D];
        const [xz, xr, xh] = tf.split(mx, 3, 1) as tf.Tensor2D[];
        const [rz, rr] = tf.split(h.matMul(rk1), 2, 1) as tf.Tensor2D[];
        const z = tf.sigmoid(xz!.add<tf.Tensor2D>(rz!));
        const r = tf.sigmoid(xr!.add<tf.Tensor2D>(rr!));
        const candidate = tf.tanh(xh!.add<tf.Tensor2D>(r.mul<tf.Tensor2D>(h).matMul(rk2)));
        h = z.mul(h).add(tf.scalar(1).sub<tf.Tensor2D>(z).mul(candidate));
        keep('update', z);
        keep('reset', r);
        keep('candidate', candidate);
      }
      keep('hidden', h);
    }
    const series = Object.fromEntries(Object.entries(rows).map(([name, list]) => [name, tf.concat(list, 0) as tf.Tensor2D]));
    // hidden first: the view that matters most, and the one every cell has.
    const { hidden, ...rest } = series;
    return { hidden: hidden!, series: { hidden: hidden!, ...rest } };
  });
}
