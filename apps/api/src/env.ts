import { z } from 'zod';
import { ZBackendChoice } from '@tensorscope/shared';
import type { TTrainThreads } from '@tensorscope/ml';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './db/db.paths';

const ZEnv = z.object({
  DATABASE_URL: z.string().url('DATABASE_URL must be a postgres:// URL'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  API_HOST: z.string().default('0.0.0.0'),
  /** Comma-separated browser origins allowed to call with cookies; empty = the dashboard on this host (see origin.policy.ts). */
  CORS_ORIGINS: z.string().default(''),
  /** The dashboard's port, for the default origin policy. */
  WEB_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The first admin of a fresh installation; without ADMIN_PASSWORD one is generated and printed once. */
  ADMIN_EMAIL: z.string().trim().toLowerCase().pipe(z.email('ADMIN_EMAIL must be an email address')).default('admin@tensorscope.local'),
  // Empty counts as unset (compose passes `${ADMIN_PASSWORD:-}`).
  ADMIN_PASSWORD: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().min(10, 'ADMIN_PASSWORD must be at least 10 characters').optional(),
  ),
  /** How long a dashboard sign-in lasts. */
  SESSION_DAYS: z.coerce.number().min(0.01).max(365).default(7),
  /** Mark cookies Secure (set when the dashboard is served over HTTPS). */
  COOKIE_SECURE: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Failed sign-ins per email (×4 per client address) within LOGIN_WINDOW_SECONDS before sign-in is refused for a while. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** Where decoded datasets are cached. */
  DATA_DIR: z.string().default(join(REPO_ROOT, '.data')),
  /** Overrides the backend of every run whose config says `auto`. */
  TENSORSCOPE_BACKEND: ZBackendChoice.default('auto'),
  /**
   * Threads a wasm run trains on: 2 splits every batch between the trainer thread and a helper
   * thread (both cores), 1 keeps one; auto = 2 when the machine has a second core and the batch
   * is worth splitting (see planTrainThreads). Other backends schedule their own threads.
   */
  TRAIN_THREADS: z
    .enum(['auto', '1', '2'])
    .default('auto')
    .transform((v): TTrainThreads => (v === 'auto' ? 'auto' : v === '1' ? 1 : 2)),
  /** Threads rendering inspection images (feature maps, filter grids) beside the API's request thread. */
  INSPECT_RENDER_THREADS: z.coerce.number().int().min(1).max(16).default(1),
  /** A render running longer than this is abandoned (its thread restarted) and answered with an error. */
  INSPECT_RENDER_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(120),
  /** Memory for rendered inspection images kept by the API (snapshots never change, so neither do they). */
  INSPECT_CACHE_MB: z.coerce.number().min(0).max(4096).default(64),
  WORKER_ID: z.string().default(`${hostname()}:${process.pid}`),
  /** A running run whose worker has not sent a heartbeat for this long is failed. */
  LEASE_SECONDS: z.coerce.number().int().min(5).default(120),
  HEARTBEAT_SECONDS: z.coerce.number().int().min(1).default(10),
  /** Wall time between two training checkpoints (weights + optimizer state) of a run; 0 = after every step. */
  CHECKPOINT_SECONDS: z.coerce.number().min(0).default(60),
  /** Starts of one run (first + resumes after lost workers) before an interrupted run is failed instead. */
  RUN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  /** How long a run's live events are kept for clients catching up after a reconnect. */
  RUN_EVENT_RETENTION_MINUTES: z.coerce.number().min(1).max(10_080).default(60),
  /** How often an idle worker looks for queued runs (it also wakes on every run event). */
  WORKER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Largest dataset upload (all its files together), in bytes: 2 GB unless set. */
  DATASET_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(2 * 1024 ** 3),
});
export type TEnv = z.infer<typeof ZEnv>;

/** Parses the environment once; a bad value stops the process with a readable message. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return parsed.data;
}

export const ENV = Symbol('ENV');
