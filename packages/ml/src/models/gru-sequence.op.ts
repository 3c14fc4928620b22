import * as tf from '@tensorflow/tfjs';
import { batchMajor, inputSideGrads, timeMajorRows } from './sequence-rows.util';

type T2 = tf.Tensor2D;

/** Per step, what the backward pass reads: z, r, the candidate h̃, r ⊙ hₜ₋₁ and hₜ. */
const SAVED_PER_STEP = 5;

/**
 * A whole GRU layer over a sequence as one differentiable op with its own back-propagation
 * through time: the GRU counterpart of lstmSequence (see there why: the weight gradients
 * become one product over all steps instead of one per step, and no step is taped).
 *
 * Same equations as TF.js's GRUCell (reset gate applied before the recurrent product, no
 * reset_after), tanh activation, sigmoid gates, zero initial state, gate order z, r, h:
 *   [x_z, x_r, x_h] = xₜ·W + b;   R = [R_zr | R_h]
 *   [a_z, a_r] = hₜ₋₁·R_zr;       z = σ(x_z + a_z);  r = σ(x_r + a_r)
 *   h̃ = tanh(x_h + (r ⊙ hₜ₋₁)·R_h);   hₜ = z ⊙ hₜ₋₁ + (1 − z) ⊙ h̃
 *
 * x: [batch, steps, features]; kernel W: [features, 3u]; recurrent kernel R: [u, 3u];
 * bias: [3u]. Returns [batch, steps, u] (returnSequences) or the last step's [batch, u].
 */
export function gruSequence(x: tf.Tensor3D, kernel: T2, recurrentKernel: T2, bias: tf.Tensor1D, returnSequences: boolean): tf.Tensor {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xIn, w, rk, b] = args as [tf.Tensor3D, T2, T2, tf.Tensor1D];
    const save = args[4] as tf.GradSaveFunc;
    const [batch, steps] = xIn.shape;
    const units = rk.shape[0];

    // Time-major rows, as in lstmSequence (sequence-rows.util).
    const xRows = timeMajorRows(xIn);
    const xw = tf.add(tf.matMul(xRows, w), b) as T2;
    const [rZr, rH] = tf.split(rk, [2 * units, units], 1) as [T2, T2];

    const perStep: T2[][] = []; // z, r, h̃, r ⊙ hₜ₋₁, hₜ
    for (let t = 0; t < steps; t++) {
      const prevH = perStep[t - 1]?.[4];
      perStep.push(
        tf.tidy(() => {
          const [xZ, xR, xH] = tf.split(tf.slice(xw, [t * batch, 0], [batch, 3 * units]), 3, 1) as [T2, T2, T2];
          if (prevH === undefined) {
            // hₜ₋₁ = 0: no recurrent products, and h = (1 − z) ⊙ h̃.
            const [z, r, hh] = [tf.sigmoid(xZ), tf.sigmoid(xR), tf.tanh(xH)];
            return [z, r, hh, tf.zerosLike(hh), tf.mul(tf.sub(1, z), hh)] as T2[];
          }
          const [aZ, aR] = tf.split(tf.matMul(prevH, rZr), 2, 1) as [T2, T2];
          const z = tf.sigmoid(tf.add(xZ, aZ));
          const r = tf.sigmoid(tf.add(xR, aR));
          const rh = tf.mul(r, prevH);
          const hh = tf.tanh(tf.add(xH, tf.matMul(rh, rH)));
          // z ⊙ hₜ₋₁ + (1 − z) ⊙ h̃ = h̃ + z ⊙ (hₜ₋₁ − h̃)
          return [z, r, hh, rh, tf.add(hh, tf.mul(z, tf.sub(prevH, hh)))] as T2[];
        }) as T2[],
      );
    }
    const hidden = perStep.map((s) => s[4]!);
    const value = returnSequences ? batchMajor(tf.concat(hidden, 0), steps, batch) : hidden[steps - 1]!;
    save([xRows, w, rk, ...perStep.flat()]);

    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]): tf.Tensor[] => {
      const [xs, wS, rS] = saved as [T2, T2, T2];
      const at = (t: number, k: number) => saved[3 + t * SAVED_PER_STEP + k] as T2;
      const [rZrS, rHS] = tf.split(rS, [2 * units, units], 1) as [T2, T2];
      const dyRows = returnSequences ? timeMajorRows(dy) : undefined;
      const g: T2[] = new Array<T2>(steps); // per step [dz, dr, dh̃] before their activations
      let dhNext: T2 | undefined;
      for (let t = steps - 1; t >= 0; t--) {
        const outer = dhNext;
        const out = tf.tidy(() => {
          const [z, r, hh] = [at(t, 0), at(t, 1), at(t, 2)];
          const own = dyRows !== undefined ? tf.slice(dyRows, [t * batch, 0], [batch, units]) : t === steps - 1 ? (dy as T2) : undefined;
          const dh = own === undefined ? outer! : outer === undefined ? own : tf.add(own, outer);
          const prevH = t > 0 ? at(t - 1, 4) : undefined;
          // σ' = σ(1 − σ), tanh' = 1 − tanh².
          const dZ = tf.mul(tf.mul(dh, prevH === undefined ? tf.neg(hh) : tf.sub(prevH, hh)), tf.mul(z, tf.sub(1, z)));
          const dHh = tf.mul(tf.mul(dh, tf.sub(1, z)), tf.sub(1, tf.square(hh)));
          if (prevH === undefined) return [tf.concat([dZ, tf.zerosLike(dZ), dHh], 1)] as T2[];
          const dRh = tf.matMul(dHh, rHS, false, true); // d(r ⊙ hₜ₋₁)
          const dR = tf.mul(tf.mul(dRh, prevH), tf.mul(r, tf.sub(1, r)));
          const dZr = tf.concat([dZ, dR], 1);
          const dhPrev = tf.add(tf.add(tf.mul(dh, z), tf.mul(dRh, r)), tf.matMul(dZr, rZrS, false, true));
          return [tf.concat([dZr, dHh], 1), dhPrev] as T2[];
        });
        dhNext?.dispose();
        [g[t], dhNext] = out as [T2, T2 | undefined];
      }
      dyRows?.dispose();
      return tf.tidy(() => {
        const dG = tf.concat(g, 0); // [steps·batch, 3u], time-major
        tf.dispose(g);
        const { dZt: dGt, dW, db, dX } = inputSideGrads(dG, xs, wS, steps, batch);
        let dRk: tf.Tensor = tf.zerosLike(rS);
        if (steps > 1) {
          // hₜ₋₁ and r ⊙ hₜ₋₁ are zero at t = 0: the recurrent products sum over t ≥ 1.
          const later = (k: number) =>
            tf.concat(
              Array.from({ length: steps - 1 }, (_, t) => at(t + (k === 3 ? 1 : 0), k)),
              0,
            );
          const dZrT = tf.matMul(tf.slice(dGt, [0, batch], [2 * units, (steps - 1) * batch]), later(4)); // [2u, u]
          const dHT = tf.matMul(tf.slice(dGt, [2 * units, batch], [units, (steps - 1) * batch]), later(3)); // [u, u]
          dRk = tf.transpose(tf.concat([dZrT, dHT], 0));
        }
        return [dX, dW, dRk, db];
      });
    };
    return { value, gradFunc };
  });
  return op(x, kernel, recurrentKernel, bias);
}
