import type * as tf from '@tensorflow/tfjs';
import { recurrentLayers, type TRecurrentConfig } from '@tensorscope/shared';
import { buildNetwork } from './network.build';

/** An MNIST image as the recurrent models read it: 28 time steps (rows) of 28 features (pixels). */
export const RECURRENT_INPUT_SHAPE = [28, 28, 1] as const;
export const RECURRENT_NUM_CLASSES = 10;

export type TRecurrentModelConfig = Pick<TRecurrentConfig, 'model' | 'hiddenSize' | 'layers' | 'dropout' | 'seed'>;

/**
 * Layer names, a contract (weight inspection addresses layers by them): `rows`, then per
 * recurrent layer i = 1…layers `<model><i>` (e.g. lstm1) and, with dropout > 0,
 * `dropout<i>`; finally `fc`.
 */
export function recurrentLayerNames(config: Pick<TRecurrentConfig, 'model' | 'layers' | 'dropout'>): string[] {
  // Names do not depend on the width: any hiddenSize gives the same list.
  return recurrentLayers({ ...config, hiddenSize: 1 }).map((layer) => layer.name!);
}

/**
 * A recurrent classifier of MNIST rows: Reshape [28, 28, 1] → [28, 28] (`rows`), then
 * `layers` stacked cells of `hiddenSize` units (every one but the last returns its whole
 * sequence, so the next one reads 28 steps too; the last returns its final state), each
 * followed by Dropout when dropout > 0, then a dense layer of 10 logits (`fc`).
 * Built from its preset layer stack (shared's recurrentLayers) by buildNetwork, like any
 * network: Glorot kernels and recurrent kernels seeded from `config.seed` plus their place,
 * sigmoid gates, LSTM forget gates at 1 (see buildNetwork). With dropout > 0 training is not
 * bit-reproducible (TF.js's seeded Dropout repeats one mask); without it, it is.
 */
export function buildRecurrentModel(config: TRecurrentModelConfig): tf.LayersModel {
  const { model: cell, hiddenSize, layers, dropout, seed } = config;
  if (!Number.isInteger(layers) || layers < 1) throw new Error(`layers must be a positive integer, got ${layers}`);
  if (!Number.isInteger(hiddenSize) || hiddenSize < 1) throw new Error(`hiddenSize must be a positive integer, got ${hiddenSize}`);
  if (!(dropout >= 0 && dropout < 1)) throw new Error(`dropout must be in [0, 1), got ${dropout}`);
  return buildNetwork(recurrentLayers(config), {
    inputShape: RECURRENT_INPUT_SHAPE,
    classes: RECURRENT_NUM_CLASSES,
    seed,
    name: `${cell}-h${hiddenSize}-l${layers}`,
  });
}
