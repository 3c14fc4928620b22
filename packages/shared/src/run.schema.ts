import { z } from 'zod';
import { ZResolvedNetwork } from './network/resolved-network.schema';
import { RUN_NAME_MAX, ZBackendName, ZModelName, ZRunConfig } from './run-config.schema';
import { RUN_TAGS_MAX, ZRunNotes, ZRunTag, ZRunTagList } from './run-labels.schema';
import { safeText } from './safe-text.schema';
import { parseRunFilter } from './run-filter/run-filter.parser';
import { parseRunSort } from './run-filter/run-sort.parse';

export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export const ZRunStatus = z.enum(RUN_STATUSES);
export type TRunStatus = z.infer<typeof ZRunStatus>;
export const FINISHED_STATUSES: readonly TRunStatus[] = ['completed', 'failed', 'cancelled'];

export const ZRunProgress = z.object({
  epoch: z.number().int(),
  epochs: z.number().int(),
  step: z.number().int(),
  totalSteps: z.number().int(),
  imagesPerSec: z.number(),
  etaSeconds: z.number().nullable(),
});
export type TRunProgress = z.infer<typeof ZRunProgress>;

/** Last value of each tag, kept on the run so lists need no scalar reads. */
export const ZFinalMetrics = z.record(z.string(), z.number());
export type TFinalMetrics = z.infer<typeof ZFinalMetrics>;

/** Best value so far of each core tag (highest accuracy, lowest loss) and the step it was logged at. */
export const ZBestMetrics = z.record(z.string(), z.object({ value: z.number(), step: z.number().int() }));
export type TBestMetrics = z.infer<typeof ZBestMetrics>;

/** Which way is better for a core tag: accuracies up, losses down. */
/** Which way a tag improves: accuracy and throughput up, everything else (losses, memory) down. */
export const betterDirection = (tag: string): 'max' | 'min' => (tag.endsWith('accuracy') || tag.endsWith('_per_sec') ? 'max' : 'min');

export const ZRun = z.object({
  id: z.string(),
  name: z.string(),
  model: ZModelName,
  config: ZRunConfig,
  status: ZRunStatus,
  backend: ZBackendName.nullable(),
  progress: ZRunProgress.nullable(),
  finalMetrics: ZFinalMetrics.nullable(),
  bestMetrics: ZBestMetrics.nullable(),
  error: z.string().nullable(),
  cancelRequested: z.boolean(),
  workerId: z.string().nullable(),
  /** The sweep that created this run, if any. */
  sweepId: z.string().nullable(),
  /** Times a worker started or resumed the run (1 for a run that was never interrupted). */
  attempts: z.number().int(),
  /** Why the run was last interrupted (worker lost or shut down) and where it resumed from. */
  interruption: z.string().nullable(),
  /** Step of the newest checkpoint: where the next attempt resumes (null: none yet). */
  checkpointStep: z.number().int().nullable(),
  /** Who launched it (null: before accounts existed). Launchers may cancel, archive and delete their own runs. */
  ownerId: z.string().nullable(),
  /** The owner's notes on the run, in Markdown ('' when none). */
  notes: z.string(),
  /** Short labels people put on the run (e.g. "baseline"), in the order they were added. */
  tags: z.array(z.string()),
  /** For a queued run, its place in line for a worker (1: claimed next); null otherwise. */
  queuePosition: z.number().int().min(1).nullable(),
  /** When the run was archived (left out of the default list); null while it is not. */
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Training time in seconds (finishedAt − startedAt, or now − startedAt while running). */
  durationSeconds: z.number().nullable(),
  /**
   * GET /api/runs/:id only: the network the run trains, every layer with its output shape and
   * parameter count, and the total (any model: the presets are layer stacks too).
   */
  network: ZResolvedNetwork.optional(),
});
export type TRun = z.infer<typeof ZRun>;

const queryInt = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** Optional query text that must parse: `problem` answers what is wrong with it, or undefined. */
const parsedText = (name: string, problem: (text: string) => string | undefined) =>
  safeText(name)
    .trim()
    .optional()
    .superRefine((text, ctx) => {
      const message = text ? problem(text) : undefined;
      if (message) ctx.addIssue({ code: 'custom', message });
    });

/** Query strings are strict like bodies: a misspelt filter (`?stauts=`) is a 400, not a silently unfiltered list. */
export const ZRunListQuery = z.strictObject({
  status: ZRunStatus.optional(),
  model: ZModelName.optional(),
  /** Case-insensitive substring of the run name. */
  name: safeText('name').trim().max(120, 'name must be at most 120 characters').optional(),
  sweepId: safeText('sweepId').uuid('sweepId must be a UUID').optional(),
  /** A filter expression (see run-filter): `hiddenSize >= 256 and test/accuracy > 0.9`. */
  filter: parsedText('filter', (text) => {
    const parsed = parseRunFilter(text);
    return parsed.ok ? undefined : `${parsed.error.message} (at character ${parsed.error.position + 1})`;
  }),
  /** Order: `createdAt` (default, newest first as `-createdAt`), a config field, `test/accuracy`, `best(test/accuracy)`; `-` for descending. */
  sort: parsedText('sort', (text) => {
    const parsed = parseRunSort(text);
    return parsed.ok ? undefined : parsed.error.message;
  }),
  /** exclude (default): archived runs are left out; include: all runs; only: archived runs alone. */
  archived: z.enum(['exclude', 'include', 'only'], { error: 'archived must be exclude, include or only' }).default('exclude'),
  page: queryInt(1, 1_000_000, 1),
  pageSize: queryInt(1, 200, 20),
});
export type TRunListQuery = z.infer<typeof ZRunListQuery>;

export const ZRunList = z.object({
  items: z.array(ZRun),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TRunList = z.infer<typeof ZRunList>;

/** Path parameters stay non-strict objects: their keys come from the route, never from the client. */
export const ZRunIdParam = z.object({ id: safeText('id').uuid('id must be a UUID') });

/** PATCH /api/runs/:id: what an owner (or an admin) may change on a run; give any of the fields. */
export const ZRunUpdate = z
  .strictObject({
    name: safeText('name')
      .trim()
      .min(1, 'name must not be blank')
      .max(RUN_NAME_MAX, `name must be at most ${RUN_NAME_MAX} characters`)
      .optional(),
    notes: ZRunNotes.optional(),
    /** The whole list (replaces it: last writer wins). */
    tags: ZRunTagList.optional(),
    /** Changes to the list as stored when the request lands (see applyTagEdit): concurrent edits all count. */
    addTags: ZRunTagList.optional(),
    removeTags: z.array(ZRunTag, { error: 'removeTags must be a list of strings' }).max(RUN_TAGS_MAX).optional(),
    archived: z.boolean({ error: 'archived must be true or false' }).optional(),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), {
    message: 'give at least one field to change (name, notes, tags, addTags, removeTags, archived)',
  })
  .refine((u) => u.tags === undefined || (u.addTags === undefined && u.removeTags === undefined), {
    path: ['tags'],
    message: 'give either tags (the whole list) or addTags/removeTags (changes), not both',
  });
export type TRunUpdate = z.infer<typeof ZRunUpdate>;
export type TRunUpdateInput = z.input<typeof ZRunUpdate>;
