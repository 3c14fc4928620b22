import * as tf from '@tensorflow/tfjs';

/** AdamOptimizer's state, private in its typings; the update below must read and write it as the original does. */
interface AdamState {
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: Array<{ originalName: string; variable: tf.Variable }>;
  accumulatedSecondMoment: Array<{ originalName: string; variable: tf.Variable }>;
}

/**
 * TF.js's Adam, releasing each temporary of an update as soon as it is used. The original keeps
 * all 13 temporaries of every variable alive until the whole update ends (one tidy): for the
 * course LeNet (fc1's kernel alone 4.2 M weights, 16 MiB per temporary) that grows the wasm heap
 * ~195 MiB above what backprop needs, once per wasm instance (per thread with two threads). The
 * same operations on the same numbers: bit-identical updates. It keeps Adam's
 * class name (getClassName, checkpoints); optimizerFromSpec rebuilds 'Adam' as this one.
 */
export class LeanAdamOptimizer extends tf.AdamOptimizer {
  static override get className(): string {
    return 'Adam';
  }

  override applyGradients(variableGradients: Parameters<tf.Optimizer['applyGradients']>[0]): void {
    const state = this as unknown as AdamState;
    const names = Array.isArray(variableGradients) ? variableGradients.map((v) => v.name) : Object.keys(variableGradients);
    tf.tidy(() => {
      const oneMinusAccBeta1 = tf.sub(1, state.accBeta1);
      const oneMinusAccBeta2 = tf.sub(1, state.accBeta2);
      names.forEach((name, i) => {
        const value = tf.engine().registeredVariables[name];
        if (value === undefined) throw new Error(`no variable ${name}`);
        state.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        state.accumulatedSecondMoment[i] ??= { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        const gradient = Array.isArray(variableGradients) ? variableGradients[i]?.tensor : variableGradients[name];
        if (gradient == null) return;
        const firstMoment = state.accumulatedFirstMoment[i].variable;
        const secondMoment = state.accumulatedSecondMoment[i].variable;
        // Each temporary is released as soon as the next one is made: at most three of a
        // variable's size are alive at once, instead of all thirteen.
        const then = <T extends tf.Tensor>(next: T, ...done: tf.Tensor[]): T => {
          tf.dispose(done);
          return next;
        };
        const m1 = tf.mul(firstMoment, this.beta1);
        const m2 = tf.mul(gradient, 1 - this.beta1);
        const newFirstMoment = then(tf.add(m1, m2), m1, m2);
        const g2 = tf.square(gradient);
        const v2 = then(tf.mul(g2, 1 - this.beta2), g2);
        const v1 = tf.mul(secondMoment, this.beta2);
        const newSecondMoment = then(tf.add(v1, v2), v1, v2);
        firstMoment.assign(newFirstMoment);
        secondMoment.assign(newSecondMoment);
        const corrected1 = then(tf.div(newFirstMoment, oneMinusAccBeta1), newFirstMoment);
        const corrected2 = then(tf.div(newSecondMoment, oneMinusAccBeta2), newSecondMoment);
        const root = then(tf.sqrt(corrected2), corrected2);
        const denominator = then(tf.add(root, this.epsilon), root);
        const ratio = then(tf.div(corrected1, denominator), corrected1, denominator);
        const update = then(tf.mul(ratio, -this.learningRate), ratio);
        const newValue = then(tf.add(update, value), update);
        value.assign(newValue);
        newValue.dispose();
      });
      state.accBeta1.assign(tf.mul(state.accBeta1, this.beta1));
      state.accBeta2.assign(tf.mul(state.accBeta2, this.beta2));
    });
    this.incrementIterations();
  }
}
