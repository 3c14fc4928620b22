import { z } from 'zod';
import { ZBackendChoice } from '@tensorscope/shared';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './db/db.paths';

const ZEnv = z.object({
  DATABASE_URL: z.string().url('DATABASE_URL must be a postgres:// URL'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  API_HOST: z.string().default('0.0.0.0'),
  /** Comma-separated browser origins allowed by CORS; `*` reflects any origin. */
  CORS_ORIGINS: z.string().default('*'),
  /** Where decoded datasets are cached. */
  DATA_DIR: z.string().default(join(REPO_ROOT, '.data')),
  /** Overrides the backend of every run whose config says `auto`. */
  TENSORSCOPE_BACKEND: ZBackendChoice.default('auto'),
  WORKER_ID: z.string().default(`${hostname()}:${process.pid}`),
  /** A running run whose worker has not sent a heartbeat for this long is failed. */
  LEASE_SECONDS: z.coerce.number().int().min(5).default(120),
  HEARTBEAT_SECONDS: z.coerce.number().int().min(1).default(10),
  /** Wall time between two training checkpoints (weights + optimizer state) of a run; 0 = after every step. */
  CHECKPOINT_SECONDS: z.coerce.number().min(0).default(60),
  /** Starts of one run (first + resumes after lost workers) before an interrupted run is failed instead. */
  RUN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  /** How often an idle worker looks for queued runs (it also wakes on every run event). */
  WORKER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
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
