import { buildModel, initBackend, mulberry32 } from '@tensorscope/ml';
import { SCALAR_TAGS, ZRunConfig, type TBestMetrics, type TFinalMetrics, type TRunConfig, type TRunProgress } from '@tensorscope/shared';
import { Client } from 'pg';

/** Seed generation: bump it when the rows change, so an old bench database is reseeded. */
const PREFIX = 'bench-list-v1-';
const STATUSES = [
  ...Array<'completed'>(85).fill('completed'),
  ...Array<'failed'>(6).fill('failed'),
  ...Array<'cancelled'>(5).fill('cancelled'),
  'running',
  'running',
  'queued',
  'queued',
] as const;
const TAG_POOL = ['baseline', 'ablation', 'lr-sweep', 'keeper', 'paper-fig-3', 'regression', 'augment', 'long'];
const BATCH = 500;

/**
 * Seeds `count` runs the way a busy lab's table looks: every model family and variant, statuses,
 * configs from the shared schema's defaults, final and best metrics of the core tags, tags,
 * notes, archived runs, and each started run's real model topology (built once per architecture
 * with the ml package, as the worker stores it). Idempotent: a database that already holds this
 * seed is left as it is. Answers how many runs it wrote (0 when the seed was there).
 */
export async function seedRuns(databaseUrl: string, count: number, log: (line: string) => void): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const have = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Run" WHERE name LIKE $1`, [`${PREFIX}%`]);
    if (have.rows[0]!.n === count) {
      // Its running runs look alive to the API's lease reaper (the seed has no worker).
      await db.query(`UPDATE "Run" SET "heartbeatAt" = now() AT TIME ZONE 'UTC' WHERE name LIKE $1 AND status = 'running'`, [`${PREFIX}%`]);
      return 0;
    }
    await db.query(`DELETE FROM "Run" WHERE name LIKE $1`, [`${PREFIX}%`]);
    await initBackend('cpu');
    const topologies = new Map<string, string>();
    const topologyOf = (config: TRunConfig): string => {
      const key = config.model === 'lenet5' ? `lenet5/${config.variant}` : `${config.model}/${config.hiddenSize}/${config.layers}`;
      let found = topologies.get(key);
      if (found === undefined) {
        const model = buildModel(config);
        found = JSON.stringify(model.toJSON(null, false));
        model.dispose();
        topologies.set(key, found);
      }
      return found;
    };
    // Seeded: the same database every time for the same count.
    const random = mulberry32(count);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const now = Date.now();
    const started = Date.now();
    for (let from = 0; from < count; from += BATCH) {
      const rows = [];
      for (let i = from; i < Math.min(count, from + BATCH); i++) rows.push(benchRun(i, count, now, random, pick, topologyOf));
      await db.query(
        `INSERT INTO "Run" (id, name, model, config, status, backend, progress, "finalMetrics", "bestMetrics", error, "createdAt",
           "startedAt", "finishedAt", topology, "inputStats", attempts, "archivedAt", notes, tags, "workerId", "heartbeatAt")
         SELECT gen_random_uuid(), x.name, x.model, x.config, x.status::"RunStatus", x.backend, x.progress, x."finalMetrics",
           x."bestMetrics", x.error, x."createdAt", x."startedAt", x."finishedAt", x.topology, x."inputStats", x.attempts,
           x."archivedAt", x.notes, x.tags, x."workerId", x."heartbeatAt"
         FROM jsonb_to_recordset($1::jsonb) AS x(name text, model text, config jsonb, status text, backend text, progress jsonb,
           "finalMetrics" jsonb, "bestMetrics" jsonb, error text, "createdAt" timestamp, "startedAt" timestamp,
           "finishedAt" timestamp, topology jsonb, "inputStats" jsonb, attempts int, "archivedAt" timestamp, notes text,
           tags text[], "workerId" text, "heartbeatAt" timestamp)`,
        [`[${rows.join(',')}]`],
      );
      log(`seeded ${Math.min(count, from + BATCH)}/${count} runs after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    await db.query(`ANALYZE "Run"`);
    return count;
  } finally {
    await db.end();
  }
}

/** One run as a JSON object for jsonb_to_recordset (topology spliced in as raw JSON: it is big). */
function benchRun(
  i: number,
  count: number,
  now: number,
  random: () => number,
  pick: <T>(list: readonly T[]) => T,
  topologyOf: (config: TRunConfig) => string,
): string {
  const kind = pick(['lenet5', 'lenet5', 'lenet5', 'rnn', 'lstm', 'lstm', 'gru'] as const);
  const name = `${PREFIX}${String(i).padStart(5, '0')}`;
  const common = {
    name,
    learningRate: pick([0.0003, 0.001, 0.003, 0.01, 0.03]),
    batchSize: pick([32, 64, 128, 256]),
    epochs: pick([1, 2, 5, 10, 20]),
    optimizer: pick(['adam', 'adam', 'sgd', 'momentum'] as const),
    seed: i,
  };
  const config =
    kind === 'lenet5'
      ? ZRunConfig.parse({ ...common, model: 'lenet5', variant: pick(['cifar-gray28', 'cifar-rgb32', 'mnist'] as const) })
      : ZRunConfig.parse({
          ...common,
          model: kind,
          hiddenSize: pick([64, 128, 256, 512, 1024]),
          layers: pick([1, 1, 2, 3]),
          dropout: pick([0, 0, 0.1, 0.3]),
        });
  const status = pick(STATUSES);
  // Newest last: run i was created (count - i) × ~13 minutes ago (10,000 runs ≈ 3 months).
  const createdAt = now - (count - i) * 780_000 - Math.floor(random() * 60_000);
  const startedAt = status === 'queued' ? null : createdAt + Math.floor(random() * 600_000);
  const seconds = 60 + Math.floor(random() * 7200);
  const finishedAt = startedAt === null || status === 'running' ? null : startedAt + seconds * 1000;
  const steps = Math.max(1, Math.floor((config.model === 'lenet5' && config.variant !== 'mnist' ? 50_000 : 60_000) / config.batchSize));
  const totalSteps = steps * config.epochs;
  const doneSteps = status === 'completed' ? totalSteps : status === 'queued' ? 0 : Math.floor(totalSteps * random());
  const skill = random();
  let finalMetrics: TFinalMetrics | null = null;
  let bestMetrics: TBestMetrics | null = null;
  if (doneSteps > 0) {
    const acc = Math.min(0.995, 0.1 + 0.85 * skill * Math.min(1, doneSteps / totalSteps + 0.3));
    const loss = Math.max(0.02, 2.3 * (1 - acc) + 0.05 * random());
    finalMetrics = {};
    bestMetrics = {};
    for (const tag of SCALAR_TAGS) {
      const value = tag.endsWith('accuracy')
        ? acc - (tag.startsWith('test') ? 0.02 * random() : 0)
        : loss + (tag.startsWith('test') ? 0.1 * random() : 0);
      finalMetrics[tag] = value;
      bestMetrics[tag] = {
        value: tag.endsWith('accuracy') ? Math.min(1, value + 0.01 * random()) : value * (1 - 0.05 * random()),
        step: doneSteps,
      };
    }
  }
  const progress: TRunProgress | null =
    status === 'queued'
      ? null
      : {
          epoch: Math.min(config.epochs, 1 + Math.floor((doneSteps / totalSteps) * config.epochs)),
          epochs: config.epochs,
          step: doneSteps,
          totalSteps,
          imagesPerSec: 200 + 800 * random(),
          etaSeconds: status === 'running' ? Math.floor((totalSteps - doneSteps) / 3) : null,
        };
  const tags = TAG_POOL.filter(() => random() < 0.12);
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString().replace('Z', ''));
  const fields = {
    name,
    model: config.model,
    config,
    status,
    backend: status === 'queued' ? null : 'wasm',
    progress,
    finalMetrics,
    bestMetrics,
    error: status === 'failed' ? 'loss became NaN at step 412 (learning rate too high?)' : null,
    createdAt: iso(createdAt),
    startedAt: iso(startedAt),
    finishedAt: iso(finishedAt),
    inputStats: status !== 'queued' && config.model === 'lenet5' ? { mean: [0.49, 0.48, 0.45], std: [0.25, 0.24, 0.26] } : null,
    attempts: status === 'queued' ? 0 : 1 + (random() < 0.05 ? 1 : 0),
    archivedAt: random() < 0.05 ? iso(now - Math.floor(random() * 86_400_000)) : null,
    notes: random() < 0.1 ? `## ${name}\n\nTried **${config.optimizer}** at lr ${config.learningRate}; see the loss around epoch 2.` : '',
    tags,
    workerId: status === 'running' ? 'bench-worker:1' : null,
    heartbeatAt: status === 'running' ? iso(Date.now()) : null,
  };
  const json = JSON.stringify(fields);
  // Started runs carry their model's topology (tens of KB), as the worker stores it at the first snapshot.
  return status === 'queued' ? json.replace(/}$/, ',"topology":null}') : json.replace(/}$/, `,"topology":${topologyOf(config)}}`);
}
