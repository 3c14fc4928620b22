import type { GradientHook } from '../core/gradient.hook';
import type { StepResult } from './train-step';

/** One training batch as plain arrays (what BatchBuilder.fill makes): x [count·h·w·c], one-hot y [count·classes]. */
export interface ArrayBatch {
  x: Float32Array;
  y: Float32Array;
  count: number;
}

/** What every shape of the training step looks like to the loop: one update on one batch. */
export type BatchStep = (batch: ArrayBatch, onGradients?: GradientHook) => Promise<StepResult>;

export interface BatchStepShape {
  /** [height, width, channels] of one image. */
  imageShape: [number, number, number];
  classes: number;
}
