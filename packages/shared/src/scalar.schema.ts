import { z } from 'zod';

export const SCALAR_TAGS = ['train/loss', 'train/accuracy', 'test/loss', 'test/accuracy'] as const;
export const ZScalarTag = z.enum(SCALAR_TAGS);
export type TScalarTag = z.infer<typeof ZScalarTag>;

export const ZScalarPoint = z.object({
  step: z.number().int(),
  /** Milliseconds since the Unix epoch. */
  wallTime: z.number(),
  value: z.number(),
});
export type TScalarPoint = z.infer<typeof ZScalarPoint>;

export const ZScalarQuery = z.object({
  tag: ZScalarTag,
  /** Only points with step > afterStep: lets a client fetch just what it lacks. */
  afterStep: z.coerce.number().int().optional(),
});
export type TScalarQuery = z.infer<typeof ZScalarQuery>;

export const ZScalarSeries = z.object({ points: z.array(ZScalarPoint) });
export type TScalarSeries = z.infer<typeof ZScalarSeries>;

/** A point as the trainer emits it, before it is stored. */
export const ZTaggedScalar = ZScalarPoint.extend({ tag: ZScalarTag });
export type TTaggedScalar = z.infer<typeof ZTaggedScalar>;
