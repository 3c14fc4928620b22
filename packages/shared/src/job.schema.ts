import { z } from 'zod';

/** Queue name and payload of a training job. The run row holds the config. */
export const TRAIN_QUEUE = 'train-run';
export const ZTrainJob = z.object({ runId: z.string().uuid() });
export type TTrainJob = z.infer<typeof ZTrainJob>;
