import { z } from 'zod';
import { TEST_IMAGE_INDEX_MAX } from './run-config.schema';
import { safeText } from './safe-text.schema';
import { bodyStep } from './step.schema';
import {
  EVALUATION_KINDS,
  ZEmbeddingParams,
  ZEmbeddingResult,
  ZEvaluationParams,
  ZEvaluationResult,
  ZHiddenStatesParams,
  ZHiddenStatesResult,
} from './evaluate.schema';

/**
 * Zeiler & Fergus visualisations of a CNN run at one weight snapshot, computed by workers as queued
 * jobs and cached in Postgres (reopening is instant; recomputed only when asked).
 *
 * - `top9`: for every feature map of a conv layer, the 9 images of the test split (or its first
 *   `subset`) with the strongest activation, each with its deconvnet projection and input patch.
 * - `image`: everything about one test image: deconv projection of a feature map, occlusion
 *   sensitivity (true-class probability, strongest feature map's activation, most probable label),
 *   vanilla gradient saliency, guided backpropagation and Grad-CAM.
 * - the evaluation kinds (confusion matrix and mistakes, embedding): see evaluate.schema.ts.
 */
export const VISUALIZATION_KINDS = ['top9', 'image', ...EVALUATION_KINDS] as const;
export const ZVisualizationKind = z.enum(VISUALIZATION_KINDS);
export type TVisualizationKind = z.infer<typeof ZVisualizationKind>;

export const VISUALIZATION_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export const ZVisualizationStatus = z.enum(VISUALIZATION_STATUSES);
export type TVisualizationStatus = z.infer<typeof ZVisualizationStatus>;

const layerName = safeText('layer').regex(/^[A-Za-z0-9_-]{1,64}$/, 'layer must be a layer name like conv1');

/** Strict: stored params are the validated body minus step/recompute, so they hold known keys only. */
export const ZTop9Params = z.strictObject({
  kind: z.literal('top9'),
  layer: layerName,
  /** First N test images searched (default: all 10,000). */
  subset: z
    .number()
    .int('subset must be an integer')
    .min(9, 'subset must be at least 9')
    .max(10_000, 'subset must be at most 10000')
    .optional(),
});

export const ZImageParams = z.strictObject({
  kind: z.literal('image'),
  /** Conv layer for the deconv projection, the occlusion's feature-map curve and Grad-CAM. */
  layer: layerName,
  /** Test image index. */
  image: z
    .number()
    .int('image must be an integer')
    .min(0, 'image must be ≥ 0')
    .max(TEST_IMAGE_INDEX_MAX, `image must be ≤ ${TEST_IMAGE_INDEX_MAX}`),
  /** Feature map to project; default: the one with the strongest activation on this image. */
  featureMap: z.number().int('featureMap must be an integer').min(0).max(4095).optional(),
  /** Occluder side and stride in input pixels. */
  occlusionSize: z.number().int('occlusionSize must be an integer').min(1).max(32).default(6),
  occlusionStride: z.number().int('occlusionStride must be an integer').min(1).max(32).default(2),
});

export const ZVisualizationParams = z.discriminatedUnion(
  'kind',
  [ZTop9Params, ZImageParams, ZEvaluationParams, ZEmbeddingParams, ZHiddenStatesParams],
  {
    error: (issue) => (issue.code === 'invalid_union' ? `kind must be one of ${VISUALIZATION_KINDS.join(', ')}` : undefined),
  },
);
export type TVisualizationParams = z.infer<typeof ZVisualizationParams>;

/** POST /api/runs/:id/visualizations. Both sides strict: zod reports a key only when neither side declares it. */
export const ZVisualizationCreate = z.intersection(
  ZVisualizationParams,
  z.strictObject({
    /** Snapshot step; default: the newest snapshot. */
    step: bodyStep('step').optional(),
    /** Compute again even if a cached result exists. */
    recompute: z.boolean({ error: 'recompute must be true or false' }).default(false),
  }),
);
export type TVisualizationCreate = z.infer<typeof ZVisualizationCreate>;
export type TVisualizationCreateInput = z.input<typeof ZVisualizationCreate>;

/** One of a feature map's top images. `image` indexes the test split. Box: [top, left, bottom, right) in input pixels. */
export const ZTopActivation = z.object({
  image: z.number().int(),
  activation: z.number(),
  y: z.number().int(),
  x: z.number().int(),
  box: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]),
  label: z.number().int(),
});
export type TTopActivation = z.infer<typeof ZTopActivation>;

/** Where a tile lies in a sprite image: [x, y, width, height] in the sprite's pixels. */
export const ZSpriteRect = z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]);
export type TSpriteRect = z.infer<typeof ZSpriteRect>;

/** The name of the PNG holding every tile of a top-9 job (see ZTop9Sprite). */
export const TOP9_SPRITE_IMAGE = 'top9-sprite';

/**
 * Every projection and patch of a top-9 job in one PNG (the job image `image`), so a grid of
 * 576–2,304 tiles is one download. Per feature map (in the result's `featureMaps` order) and rank
 * (strongest first): where its projection and its patch lie in the sprite.
 */
export const ZTop9Sprite = z.object({
  image: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  deconv: z.array(z.array(ZSpriteRect)),
  patch: z.array(z.array(ZSpriteRect)),
});
export type TTop9Sprite = z.infer<typeof ZTop9Sprite>;

export const ZTop9Result = z.object({
  kind: z.literal('top9'),
  layer: z.string(),
  imagesSearched: z.number().int(),
  /** One entry per feature map, its top images strongest first. PNGs: images `deconv-<map>-<rank>`, `patch-<map>-<rank>`. */
  featureMaps: z.array(z.object({ featureMap: z.number().int(), top: z.array(ZTopActivation) })),
  /** The same tiles packed in one PNG; absent from results computed before sprites existed (their tiles still load one by one). */
  sprite: ZTop9Sprite.optional(),
  seconds: z.number(),
});
export type TTop9Result = z.infer<typeof ZTop9Result>;

/** The images of an image analysis, in the order the panel shows them. */
export const IMAGE_VIEWS = [
  'input',
  'deconv',
  'patch',
  'occlusion-probability',
  'occlusion-activation',
  'occlusion-label',
  'saliency',
  'guided-backprop',
  'grad-cam',
] as const;
export const ZImageView = z.enum(IMAGE_VIEWS);
export type TImageView = z.infer<typeof ZImageView>;

export const ZImageResult = z.object({
  kind: z.literal('image'),
  layer: z.string(),
  image: z.number().int(),
  label: z.number().int(),
  predicted: z.number().int(),
  /** Softmax probabilities of the unoccluded image. */
  probabilities: z.array(z.number()),
  featureMap: z.number().int(),
  box: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]),
  occlusion: z.object({
    rows: z.number().int(),
    cols: z.number().int(),
    size: z.number().int(),
    stride: z.number().int(),
    /** Row-major rows × cols: true-class probability, the strongest map's total activation, most probable label. */
    trueClassProbability: z.array(z.number()),
    featureActivation: z.array(z.number()),
    predictedLabel: z.array(z.number().int()),
  }),
  /** The PNGs stored with the result, in this order. */
  images: z.array(ZImageView),
  seconds: z.number(),
});
export type TImageResult = z.infer<typeof ZImageResult>;

export const ZVisualizationResult = z.discriminatedUnion('kind', [
  ZTop9Result,
  ZImageResult,
  ZEvaluationResult,
  ZEmbeddingResult,
  ZHiddenStatesResult,
]);
export type TVisualizationResult = z.infer<typeof ZVisualizationResult>;

export const ZVisualization = z.object({
  id: z.string(),
  runId: z.string(),
  step: z.number().int(),
  kind: ZVisualizationKind,
  params: ZVisualizationParams,
  status: ZVisualizationStatus,
  /** 0…1 while running. */
  progress: z.number(),
  error: z.string().nullable(),
  result: ZVisualizationResult.nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TVisualization = z.infer<typeof ZVisualization>;

export const ZVisualizationList = z.object({ items: z.array(ZVisualization) });
export type TVisualizationList = z.infer<typeof ZVisualizationList>;

export const ZVisualizationIdParam = z.object({ id: safeText('id').uuid('id must be a UUID') });
export const ZVisualizationImageParam = z.object({
  id: safeText('id').uuid('id must be a UUID'),
  name: safeText('image name').regex(/^[a-z0-9-]{1,64}$/, 'image name must be lowercase letters, digits and "-"'),
});

export const VISUALIZE_QUEUE = 'visualize';
export const ZVisualizeJob = z.object({ visualizationId: z.string().uuid() });
export type TVisualizeJob = z.infer<typeof ZVisualizeJob>;
