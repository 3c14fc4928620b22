import { z } from 'zod';
import { LAYER_TYPES } from './network-layer.schema';
import type { TResolvedNetwork } from './network-shape.infer';

/** A resolved network (inferNetwork's answer) as the API sends it. */
export const ZResolvedNetwork = z.object({
  inputShape: z.array(z.number().int()),
  layers: z.array(
    z.object({
      index: z.number().int(),
      name: z.string(),
      type: z.enum(LAYER_TYPES as [TResolvedNetwork['layers'][number]['type'], ...TResolvedNetwork['layers'][number]['type'][]]),
      outputShape: z.array(z.number().int()),
      params: z.number().int(),
      added: z.literal(true).optional(),
    }),
  ),
  paramCount: z.number().int(),
  notes: z.array(z.string()),
});

// The schema and inferNetwork's type must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same: Same<z.infer<typeof ZResolvedNetwork>, TResolvedNetwork> = true;
void same;
