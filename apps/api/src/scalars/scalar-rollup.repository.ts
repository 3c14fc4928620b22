import { Injectable } from '@nestjs/common';
import { PgPoolService } from '../prisma/pg-pool.service';
import { PrismaService } from '../prisma/prisma.service';
import { COARSEST_SHIFT } from './rollup-levels';
import { rebuildRollups } from './scalar-rollup.rebuild';
import { OVERVIEW_PACK_SQL } from './scalar-rollup.sql';

/** Stored points of one series in a step range, as the coarsest rollup level counts them. */
export interface SeriesExtent {
  runId: string;
  tag: string;
  count: number;
  firstStep: number;
  lastStep: number;
}

/** One output bucket merged from rollup rows: its count, finite sum and its four extreme points. */
export interface MergedBucket {
  count: number;
  finiteCount: number;
  sum: number;
  first: [step: number, wall: number, value: number];
  last: [step: number, wall: number, value: number];
  min: [step: number, wall: number, value: number] | null;
  max: [step: number, wall: number, value: number] | null;
}

const INT_MIN = -2147483648;
/** Concurrent overview queries (the pg pool holds 4 connections). */
const OVERVIEW_READ_PARALLEL = 4;
const INT_MAX = 2147483647;

/** The rollup table: kept in step with ScalarPoint on every insert, read by downsampled reads. */
@Injectable()
export class ScalarRollupRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly pg: PgPoolService,
  ) {}

  /** Rebuilds all rollups of a run from its points. */
  rebuildRun(runId: string): Promise<void> {
    return rebuildRollups((sql, params) => this.pg.pool.query(sql, params), runId);
  }

  /** Packs a finished run's rollups into overviews (one row per tag and level). */
  async pack(runId: string): Promise<void> {
    await this.prisma.client.$executeRawUnsafe(OVERVIEW_PACK_SQL, runId);
  }

  /** Packed overviews of these series at one level; series without one are absent. */
  async overviews(pairs: readonly { runId: string; tag: string }[], shift: number): Promise<Map<string, Uint8Array>> {
    if (pairs.length === 0) return new Map();
    // In a few concurrent queries: Postgres encodes one while Node decodes another.
    const chunk = Math.ceil(pairs.length / OVERVIEW_READ_PARALLEL);
    const parts = await Promise.all(
      Array.from({ length: Math.ceil(pairs.length / chunk) }, (_, i) => pairs.slice(i * chunk, (i + 1) * chunk)).map((part) =>
        this.pg.pool.query<{ runId: string; tag: string; data: Buffer }>(
          `SELECT o."runId"::text AS "runId", o.tag, o.data
           FROM "ScalarOverview" o
           JOIN unnest($1::uuid[], $2::text[]) AS f("runId", tag) ON f."runId" = o."runId" AND f.tag = o.tag
           WHERE o.width = ${2 ** shift}`,
          [part.map((p) => p.runId), part.map((p) => p.tag)],
        ),
      ),
    );
    const rows = parts.flatMap((p) => p.rows);
    return new Map(rows.map((r) => [`${r.runId}\u0000${r.tag}`, r.data]));
  }

  /** Counts and step extents of many series at once, from the coarsest level (whole buckets). */
  async extents(pairs: readonly { runId: string; tag: string }[], fromStep = INT_MIN, toStep = INT_MAX): Promise<SeriesExtent[]> {
    if (pairs.length === 0) return [];
    const rows = await this.prisma.client.$queryRawUnsafe<
      { runId: string; tag: string; count: number; firstStep: number; lastStep: number }[]
    >(
      `SELECT r."runId"::text AS "runId", r.tag, sum(r.count)::int AS count, min(r."firstStep") AS "firstStep", max(r."lastStep") AS "lastStep"
       FROM "ScalarRollup" r
       JOIN unnest($1::uuid[], $2::text[]) AS f("runId", tag) ON f."runId" = r."runId" AND f.tag = r.tag
       WHERE r.width = ${2 ** COARSEST_SHIFT} AND r.bucket BETWEEN ($3::int >> ${COARSEST_SHIFT}) AND ($4::int >> ${COARSEST_SHIFT})
       GROUP BY r."runId", r.tag`,
      pairs.map((p) => p.runId),
      pairs.map((p) => p.tag),
      fromStep,
      toStep,
    );
    return rows;
  }

  /**
   * Rollup rows of one series at one level, merged into `buckets` equal step spans of [lo, hi]
   * in SQL (so a 100,000-point series costs ~`buckets` rows on the wire). Rollup buckets that
   * straddle lo or hi count whole (the range edges snap to the level's bucket width).
   */
  async merged(runId: string, tag: string, shift: number, lo: number, hi: number, buckets: number): Promise<MergedBucket[]> {
    const span = hi - lo + 1;
    const pick = (col: string, order: string, filter = '') => `(array_agg("${col}" ORDER BY ${order})${filter})[1]`;
    const at = (prefix: 'first' | 'last' | 'min' | 'max', order: string, filter = '') =>
      ['Step', 'Wall', 'Value'].map((c) => `${pick(prefix + c, order, filter)} AS "${prefix}${c}"`).join(', ');
    const rows = await this.prisma.client.$queryRawUnsafe<Record<string, number | null>[]>(
      `SELECT least($5::int - 1, greatest(0, floor(("firstStep" - $3::int)::float8 * $5::int / $6::float8)))::int AS ob,
         sum(count)::int AS count, sum("finiteCount")::int AS "finiteCount", sum(sum)::float8 AS sum,
         ${at('first', 'bucket')}, ${at('last', 'bucket DESC')},
         ${at('min', '"minValue", "minStep"', ' FILTER (WHERE "minValue" IS NOT NULL)')},
         ${at('max', '"maxValue" DESC, "maxStep"', ' FILTER (WHERE "maxValue" IS NOT NULL)')}
       FROM "ScalarRollup"
       WHERE "runId" = $1::uuid AND tag = $2 AND width = ${2 ** shift} AND bucket BETWEEN ($3::int >> ${shift}) AND ($4::int >> ${shift})
       GROUP BY ob
       ORDER BY ob`,
      runId,
      tag,
      lo,
      hi,
      buckets,
      span,
    );
    const point = (r: Record<string, number | null>, prefix: string): [number, number, number] | null =>
      r[`${prefix}Step`] === null || r[`${prefix}Step`] === undefined
        ? null
        : [r[`${prefix}Step`]!, r[`${prefix}Wall`]!, r[`${prefix}Value`]!];
    return rows.map((r) => ({
      count: r.count!,
      finiteCount: r.finiteCount!,
      sum: r.sum!,
      first: point(r, 'first')!,
      last: point(r, 'last')!,
      min: point(r, 'min'),
      max: point(r, 'max'),
    }));
  }

  /** (finite count, sum) of rollup rows before `step` at one level, in step order: the EMA's prefix. */
  prefix(runId: string, tag: string, shift: number, step: number): Promise<{ finiteCount: number; sum: number }[]> {
    return this.prisma.client.$queryRawUnsafe(
      `SELECT "finiteCount", sum FROM "ScalarRollup"
       WHERE "runId" = $1::uuid AND tag = $2 AND width = ${2 ** shift} AND bucket < ($3::int >> ${shift})
       ORDER BY bucket`,
      runId,
      tag,
      step,
    );
  }
}
