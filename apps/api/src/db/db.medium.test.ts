import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma } from '@prisma/client';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './db.paths';
import { createThrowawayDatabase } from '../../test/throwaway-database';
import { migrateDatabase } from './migrate';
import { runPrismaCli } from './prisma-cli.runner';
import { createPrismaClient } from './prisma.factory';

// The real chain: PostgreSQL 17 from npm, `prisma migrate deploy` through the wasm schema engine
// and the patched pg adapter, the Rust-free Prisma client. With DATABASE_URL set, a throwaway
// database on that server is used instead (its user needs CREATEDB, like prisma migrate dev).
describe('database layer', () => {
  let databaseUrl = '';
  let cleanup: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ databaseUrl, cleanup } = await createThrowawayDatabase());
  });
  afterAll(async () => {
    await cleanup?.();
  });

  const query = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };

  it('migrate deploy really creates the tables, and a second deploy applies nothing', async () => {
    const committed = (await readdir(path.join(REPO_ROOT, 'prisma', 'migrations'), { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(committed.length).toBeGreaterThan(0);

    await migrateDatabase(databaseUrl, { onOutput: () => undefined });
    const tables = await query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((t) => t.table_name)).toEqual([
      'ApiToken',
      'Dataset',
      'DatasetFile',
      'HistogramPoint',
      'Run',
      'RunCheckpoint',
      'RunEvent',
      'RunLog',
      'ScalarOverview',
      'ScalarPoint',
      'ScalarRollup',
      'Session',
      'Sweep',
      'User',
      'Visualization',
      'VisualizationImage',
      'WeightSnapshot',
      '_prisma_migrations',
    ]);
    const applied = await query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
    );
    expect(applied.map((m) => m.migration_name)).toEqual(committed);

    const output: string[] = [];
    await migrateDatabase(databaseUrl, { onOutput: (line) => output.push(line) });
    expect(output.join('\n')).toContain('No pending migrations to apply');
    expect(await query('SELECT 1 FROM _prisma_migrations')).toHaveLength(committed.length);
  });

  it('stores a run with its scalar points and reads them back through the Prisma client', async () => {
    const prisma = createPrismaClient(databaseUrl);
    try {
      const run = await prisma.run.create({
        data: {
          name: 'db-test',
          model: 'lenet5',
          config: { learningRate: 0.001, layers: [6, 16] },
          snapshots: {
            create: { step: 2, layer: 'conv1', kind: 'kernel', shape: [5, 5, 1, 6], stats: { mean: 0 }, data: Buffer.from([1, 2, 3, 4]) },
          },
        },
      });
      expect(run.status).toBe('queued');
      expect(run.createdAt).toBeInstanceOf(Date);
      // Points are not a relation of Run in the client (ScalarPoint has no foreign key): stored on their own.
      await prisma.scalarPoint.createMany({
        data: [
          { runId: run.id, tag: 'loss', step: 1, wallTime: 1_700_000_000_000, value: 2.5 },
          { runId: run.id, tag: 'loss', step: 2, wallTime: 1_700_000_000_500, value: 1.25 },
          { runId: run.id, tag: 'accuracy', step: 2, wallTime: 1_700_000_000_500, value: 0.5 },
        ],
      });

      const loss = await prisma.scalarPoint.findMany({ where: { runId: run.id, tag: 'loss' }, orderBy: { step: 'asc' } });
      expect(loss.map((p) => [p.step, p.value, p.wallTime])).toEqual([
        [1, 2.5, 1_700_000_000_000],
        [2, 1.25, 1_700_000_000_500],
      ]);
      const back = await prisma.run.findUniqueOrThrow({ where: { id: run.id }, include: { snapshots: true } });
      expect(back.config).toEqual({ learningRate: 0.001, layers: [6, 16] });
      expect(back.snapshots[0]?.shape).toEqual([5, 5, 1, 6]);
      expect([...(back.snapshots[0]?.data ?? [])]).toEqual([1, 2, 3, 4]);

      // The primary key (runId, tag, step) makes a re-sent point a unique violation (P2002) …
      const again = prisma.scalarPoint.create({ data: { runId: run.id, tag: 'loss', step: 1, wallTime: 0, value: 9 } });
      await expect(again).rejects.toSatisfy((e) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002');
      // … which createMany can skip, keeping the first value.
      const inserted = await prisma.scalarPoint.createMany({
        data: [
          { runId: run.id, tag: 'loss', step: 1, wallTime: 0, value: 9 },
          { runId: run.id, tag: 'loss', step: 3, wallTime: 0, value: 0.75 },
        ],
        skipDuplicates: true,
      });
      expect(inserted.count).toBe(1);

      // Another run's points stay when this one goes.
      const other = await prisma.run.create({ data: { name: 'db-test-other', model: 'lenet5', config: {} } });
      await prisma.scalarPoint.create({ data: { runId: other.id, tag: 'loss', step: 1, wallTime: 0, value: 1 } });
      await prisma.run.delete({ where: { id: run.id } });
      expect(await prisma.scalarPoint.count({ where: { runId: run.id } })).toBe(0); // the delete trigger, in place of a cascade
      expect(await prisma.weightSnapshot.count({ where: { runId: run.id } })).toBe(0); // cascade
      expect(await prisma.scalarPoint.count({ where: { runId: other.id } })).toBe(1);
      // Deleting in raw SQL (as the bench seeds and scripts do) takes the points too.
      await prisma.$executeRaw`DELETE FROM "Run" WHERE id = ${other.id}::uuid`;
      expect(await prisma.scalarPoint.count({ where: { runId: other.id } })).toBe(0);
    } finally {
      await prisma.$disconnect();
    }
  });

  describe('the @prisma/adapter-pg patch (patches/@prisma__adapter-pg@6.19.3.patch)', () => {
    it('reads `name`, `name[]` and `"char"` columns (pg_catalog types the schema engine queries)', async () => {
      const prisma = createPrismaClient(databaseUrl);
      try {
        // Unpatched: "Unsupported column type name" / "Column type 'char' could not be deserialized".
        const rows = await prisma.$queryRaw<{ db: string; names: string[]; kind: string }[]>`
          SELECT current_database()::name AS db, ARRAY['a', 'b']::name[] AS names, relkind AS kind
          FROM pg_class WHERE relname = 'Run'`;
        expect(rows).toEqual([{ db: new URL(databaseUrl).pathname.slice(1), names: ['a', 'b'], kind: 'r' }]);
      } finally {
        await prisma.$disconnect();
      }
    });

    it('puts the shadow database on its own database, and drops it when done', async () => {
      const factory = new PrismaPg({ connectionString: databaseUrl });
      const shadow = await factory.connectToShadowDb();
      let name: string;
      try {
        const result = await shadow.queryRaw({ sql: 'SELECT current_database()::text', args: [], argTypes: [] });
        name = String(result.rows[0]?.[0]);
        // Unpatched, the connection string's database won: the "shadow" was the main database.
        expect(name).toMatch(/^prisma_migrate_shadow_db_/);
        await shadow.executeRaw({ sql: 'CREATE TABLE scratch (id int)', args: [], argTypes: [] });
      } finally {
        // Unpatched: DROP DATABASE ran while the shadow pool was still connected, and failed.
        await shadow.dispose();
      }
      expect(await query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).toHaveLength(0);
    });

    it('lets the schema engine diff the committed migrations against schema.prisma: no drift', async () => {
      // Replays prisma/migrations on a shadow database and introspects it: every fix is needed.
      // A failure here also means schema.prisma changed without a new migration.
      const output: string[] = [];
      await runPrismaCli(
        [
          'migrate',
          'diff',
          '--exit-code',
          '--from-migrations',
          path.join(REPO_ROOT, 'prisma', 'migrations'),
          '--to-schema-datamodel',
          path.join(REPO_ROOT, 'prisma', 'schema.prisma'),
        ],
        databaseUrl,
        { onOutput: (line) => output.push(line) },
      ).catch((e: Error) => {
        throw new Error(`${e.message}\n${output.join('\n')}`);
      });
      expect(output.join('\n')).toContain('No difference detected');
    });
  });
});
