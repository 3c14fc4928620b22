import * as tf from '@tensorflow/tfjs';
import { batchMajor, inputSideGrads, timeMajorRows } from './sequence-rows.util';

/**
 * A whole LSTM layer over a sequence as one differentiable op, with its backward pass written
 * out (back-propagation through time) instead of taped step by step.
 *
 * Why: tf.layers differentiates the unrolled loop one time step at a time, so the recurrent
 * kernel's gradient is T separate products hₜ₋₁ᵀ·dzₜ with only the batch (64 or 128 rows)
 * inside, each writing a full units × 4·units matrix that is then added up (LSTM-1024: 28
 * products of 16 MB each per step), and every step's gates go through their own tape nodes.
 * Here the forward keeps each step's gates and states, the backward walks the steps computing
 * only dzₜ and dhₜ₋₁ = dzₜ·Rᵀ, and the weight gradients are one product each over all steps
 * at once: dR = Hᵀ·dZ, dW = Xᵀ·dZ, db = Σ dZ. Same equations as TF.js's LSTMCell with
 * tanh activation and sigmoid gates (gate order i, f, c, o), zero initial state.
 *
 * x: [batch, steps, features]; kernel W: [features, 4u]; recurrent kernel R: [u, 4u];
 * bias: [4u]. Returns [batch, steps, u] (returnSequences) or the last step's [batch, u].
 */
export function lstmSequence(
  x: tf.Tensor3D,
  kernel: tf.Tensor2D,
  recurrentKernel: tf.Tensor2D,
  bias: tf.Tensor1D,
  returnSequences: boolean,
): tf.Tensor {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xIn, w, r, b] = args as [tf.Tensor3D, tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
    const save = args[4] as tf.GradSaveFunc;
    const [batch, steps] = xIn.shape;
    const units = r.shape[0];

    // Time-major rows: the input product for all steps is one matrix product (sequence-rows.util).
    const xRows = timeMajorRows(xIn);
    const xw = tf.add(tf.matMul(xRows, w), b) as tf.Tensor2D;

    // Per step: gates i, f, g (the candidate), o; the cell state c and tanh(c); and h.
    const gates: tf.Tensor2D[][] = [];
    const cells: tf.Tensor2D[] = [];
    const tanhCells: tf.Tensor2D[] = [];
    const hidden: tf.Tensor2D[] = [];
    for (let t = 0; t < steps; t++) {
      const prevH = hidden[t - 1];
      const prevC = cells[t - 1];
      const [i, f, g, o, c, tc, h] = tf.tidy(() => {
        const xwT = tf.slice(xw, [t * batch, 0], [batch, 4 * units]);
        const z = prevH === undefined ? xwT : tf.add(xwT, tf.matMul(prevH, r));
        const [zi, zf, zg, zo] = tf.split(z, 4, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
        const gi = tf.sigmoid(zi);
        const gf = tf.sigmoid(zf);
        const gg = tf.tanh(zg);
        const go = tf.sigmoid(zo);
        const cNew = prevC === undefined ? tf.mul(gi, gg) : tf.add(tf.mul(gf, prevC), tf.mul(gi, gg));
        const tcNew = tf.tanh(cNew);
        return [gi, gf, gg, go, cNew, tcNew, tf.mul(go, tcNew)] as tf.Tensor2D[];
      }) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
      gates.push([i, f, g, o]);
      cells.push(c);
      tanhCells.push(tc);
      hidden.push(h);
    }
    const value = returnSequences ? batchMajor(tf.concat(hidden, 0), steps, batch) : hidden[steps - 1]!;
    // Saved in a fixed order: xRows, w, r, then per step i, f, g, o, c, tanh(c), h.
    save([xRows, w, r, ...gates.flatMap((s, t) => [...s, cells[t]!, tanhCells[t]!, hidden[t]!])]);

    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]): tf.Tensor[] => {
      const [xs, wS, rS] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
      const at = (t: number, k: number) => saved[3 + t * 7 + k] as tf.Tensor2D;
      // dy per step, time-major; without returnSequences only the last step has one.
      const dyRows = returnSequences ? timeMajorRows(dy) : undefined;
      const dz: tf.Tensor2D[] = new Array<tf.Tensor2D>(steps);
      let dhNext: tf.Tensor2D | undefined;
      let dcNext: tf.Tensor2D | undefined;
      for (let t = steps - 1; t >= 0; t--) {
        const outerDh = dhNext;
        const outerDc = dcNext;
        const [dzT, dh, dc] = tf.tidy(() => {
          const [i, f, g, o, , tc] = [at(t, 0), at(t, 1), at(t, 2), at(t, 3), at(t, 4), at(t, 5)];
          const own =
            dyRows !== undefined ? tf.slice(dyRows, [t * batch, 0], [batch, units]) : t === steps - 1 ? (dy as tf.Tensor2D) : undefined;
          const dhT = own === undefined ? outerDh! : outerDh === undefined ? own : tf.add(own, outerDh);
          // σ' = σ(1 − σ), tanh' = 1 − tanh².
          const dO = tf.mul(tf.mul(dhT, tc), tf.mul(o, tf.sub(1, o)));
          let dcT = tf.mul(tf.mul(dhT, o), tf.sub(1, tf.square(tc)));
          if (outerDc !== undefined) dcT = tf.add(dcT, outerDc);
          const dI = tf.mul(tf.mul(dcT, g), tf.mul(i, tf.sub(1, i)));
          const dG = tf.mul(tf.mul(dcT, i), tf.sub(1, tf.square(g)));
          const dF = t === 0 ? tf.zerosLike(f) : tf.mul(tf.mul(dcT, at(t - 1, 4)), tf.mul(f, tf.sub(1, f)));
          const z = tf.concat([dI, dF, dG, dO], 1);
          if (t === 0) return [z];
          // dhₜ₋₁ = dzₜ·Rᵀ (the wasm fix multiplies it as (R·dzₜᵀ)ᵀ without transposing R).
          return [z, tf.matMul(z, rS, false, true), tf.mul(dcT, f)];
        }) as [tf.Tensor2D, tf.Tensor2D?, tf.Tensor2D?];
        dhNext?.dispose();
        dcNext?.dispose();
        dz[t] = dzT;
        dhNext = dh;
        dcNext = dc;
      }
      dyRows?.dispose();
      return tf.tidy(() => {
        const dZ = tf.concat(dz, 0); // [steps·batch, 4u], time-major
        tf.dispose(dz);
        const { dZt, dW, db, dX } = inputSideGrads(dZ, xs, wS, steps, batch);
        // hₜ₋₁ is zero at t = 0, so dR sums over t ≥ 1 only.
        const dR =
          steps > 1
            ? tf.transpose(
                tf.matMul(
                  tf.slice(dZt, [0, batch], [4 * units, (steps - 1) * batch]),
                  tf.concat(
                    Array.from({ length: steps - 1 }, (_, t) => at(t, 6)),
                    0,
                  ),
                ),
              )
            : tf.zerosLike(rS);
        return [dX, dW, dR, db];
      });
    };
    return { value, gradFunc };
  });
  return op(x, kernel, recurrentKernel, bias);
}
