import { z } from 'zod';
import { TEST_IMAGE_INDEX_MAX } from './run-config.schema';

/**
 * How a model fails, at one weight snapshot, over the test split: the evaluation views. They are
 * jobs of the same kind as the Zeiler & Fergus visualisations (queued on the `visualize` queue,
 * computed by a worker, cached per run, snapshot and params in `Visualization`), so the job
 * machinery has one home; these schemas are the evaluation kinds' params and results.
 *
 * - `evaluation`: every test image (or the first `subset`) classified: confusion matrix,
 *   per-class precision / recall / F1, and the most confident mistakes (each with a PNG
 *   `wrong-<rank>`), for every model.
 * - `embedding`: the penultimate layer's activations on the first `images` test images,
 *   projected on their first two principal components (or laid out by UMAP), for every model.
 * - `hidden-states` (recurrent runs): one test image read row by row: every recurrent layer's
 *   hidden state (and LSTM cell state and gates, GRU gates) at each of the 28 steps, as
 *   heat-map PNGs, and what the classifier would answer after each step.
 */
export const EVALUATION_KINDS = ['evaluation', 'embedding', 'hidden-states'] as const;
export type TEvaluationKind = (typeof EVALUATION_KINDS)[number];

/** At most this many mistakes are kept (with their PNGs), the most confident first. */
export const MISCLASSIFIED_CAP = 200;
/** The embedding view's ceiling: enough to see clusters, few enough to draw and store. */
export const EMBEDDING_MAX_IMAGES = 2_000;
export const EMBEDDING_METHODS = ['pca', 'umap'] as const;
export type TEmbeddingMethod = (typeof EMBEDDING_METHODS)[number];

export const ZEvaluationParams = z.strictObject({
  kind: z.literal('evaluation'),
  /** First N test images classified (default: all 10,000). */
  subset: z
    .number()
    .int('subset must be an integer')
    .min(10, 'subset must be at least 10')
    .max(10_000, 'subset must be at most 10000')
    .optional(),
});

export const ZEmbeddingParams = z.strictObject({
  kind: z.literal('embedding'),
  /** First N test images projected. */
  images: z
    .number()
    .int('images must be an integer')
    .min(10, 'images must be at least 10')
    .max(EMBEDDING_MAX_IMAGES, `images must be at most ${EMBEDDING_MAX_IMAGES}`)
    .default(EMBEDDING_MAX_IMAGES),
  /** PCA (linear: distances and variance shares mean something) or UMAP (non-linear: neighbourhoods, clusters). */
  method: z.enum(EMBEDDING_METHODS, { error: `method must be one of ${EMBEDDING_METHODS.join(', ')}` }).default('pca'),
});

export const ZHiddenStatesParams = z.strictObject({
  kind: z.literal('hidden-states'),
  /** Test image index. */
  image: z
    .number()
    .int('image must be an integer')
    .min(0, 'image must be ≥ 0')
    .max(TEST_IMAGE_INDEX_MAX, `image must be ≤ ${TEST_IMAGE_INDEX_MAX}`),
});

/** One class of the eval set. null where the ratio is 0/0 (no image of the class, or none predicted as it). */
export const ZClassMetrics = z.object({
  /** Test images of this class. */
  support: z.number().int(),
  /** Of them, classified right. */
  correct: z.number().int(),
  /** Images predicted as this class. */
  predicted: z.number().int(),
  /** correct / predicted. */
  precision: z.number().nullable(),
  /** correct / support: the class's accuracy. */
  recall: z.number().nullable(),
  f1: z.number().nullable(),
});
export type TClassMetrics = z.infer<typeof ZClassMetrics>;

/** One test image (`image` indexes the test split), its true class and the snapshot's answer. */
const imageVerdict = { image: z.number().int(), label: z.number().int(), predicted: z.number().int() };

/** A test image the snapshot gets wrong. */
export const ZMisclassified = z.object({
  ...imageVerdict,
  /** Softmax probability of the (wrong) predicted class. */
  probability: z.number(),
  /** Softmax probability of the true class. */
  trueProbability: z.number(),
});
export type TMisclassified = z.infer<typeof ZMisclassified>;

export const ZEvaluationResult = z.object({
  kind: z.literal('evaluation'),
  imagesEvaluated: z.number().int(),
  accuracy: z.number(),
  /** matrix[true][predicted]: image counts; rows sum to the classes' support. */
  matrix: z.array(z.array(z.number().int())),
  perClass: z.array(ZClassMetrics),
  /** All mistakes, though only the first MISCLASSIFIED_CAP are listed. */
  misclassifiedTotal: z.number().int(),
  /** The most confident mistakes first; PNG `wrong-<rank>` per entry. */
  misclassified: z.array(ZMisclassified),
  seconds: z.number(),
});
export type TEvaluationResult = z.infer<typeof ZEvaluationResult>;

export const ZEmbeddingResult = z.object({
  kind: z.literal('embedding'),
  /** The layer whose outputs were projected (the one feeding the classifier). */
  layer: z.string(),
  /** Its width: the dimension PCA reduced to 2. */
  dimensions: z.number().int(),
  /** Per image (test indices 0 … n − 1): its coordinates in the 2-D embedding. */
  x: z.array(z.number()),
  y: z.array(z.number()),
  labels: z.array(z.number().int()),
  predicted: z.array(z.number().int()),
  /** Results stored before UMAP existed were PCA. */
  method: z.enum(EMBEDDING_METHODS).default('pca'),
  /** PCA: the share of the total variance each component explains; null for UMAP (its axes have no such meaning). */
  explainedVariance: z.tuple([z.number(), z.number()]).nullable(),
  seconds: z.number(),
});
export type TEmbeddingResult = z.infer<typeof ZEmbeddingResult>;

/** One heat-map of a recurrent layer: rows = steps (image rows, top first), columns = units; PNG `name`. */
export const ZStateView = z.object({
  name: z.string(),
  layer: z.string(),
  /** hidden, cell, input, forget, candidate, output (LSTM), update, reset (GRU). */
  series: z.string(),
  /** The values at the colormap's ends: [low, high]. */
  range: z.tuple([z.number(), z.number()]),
});
export type TStateView = z.infer<typeof ZStateView>;

export const ZHiddenStatesResult = z.object({
  kind: z.literal('hidden-states'),
  ...imageVerdict,
  cell: z.enum(['rnn', 'lstm', 'gru']),
  steps: z.number().int(),
  layers: z.array(z.object({ layer: z.string(), units: z.number().int() })),
  /** In display order; PNG `input` is the image itself. */
  views: z.array(ZStateView),
  /** Per step (steps × classes): the classifier's softmax on the last layer's hidden state after that row. */
  stepProbabilities: z.array(z.array(z.number())),
  seconds: z.number(),
});
export type THiddenStatesResult = z.infer<typeof ZHiddenStatesResult>;
