/**
 * The binary record of a packed overview (ScalarOverview.data): one record per rollup bucket, in
 * bucket order, each field big-endian as Postgres' int4send/float8send write it. The only
 * definition of the layout: OVERVIEW_PACK_SQL (scalar-rollup.sql.ts) writes records from it and
 * decodePackedSeries (packed-series.decode.ts) reads them with its offsets.
 *
 * Stored overviews are kept across upgrades, so the order and types here are a storage format:
 * changing them means re-packing every finished run (overview.layout.test.ts pins them).
 */
const FIELDS = [
  { name: 'bucket', type: 'int4' },
  { name: 'count', type: 'int4' },
  { name: 'finiteCount', type: 'int4' },
  { name: 'sum', type: 'float8' },
  { name: 'firstStep', type: 'int4' },
  { name: 'firstWall', type: 'float8' },
  { name: 'firstValue', type: 'float8' },
  { name: 'lastStep', type: 'int4' },
  { name: 'lastWall', type: 'float8' },
  { name: 'lastValue', type: 'float8' },
  // A bucket without finite values has no min/max (NULL columns): packed as step 0, NaN wall and value.
  { name: 'minStep', type: 'int4', ifNull: '0' },
  { name: 'minWall', type: 'float8', ifNull: `'NaN'` },
  { name: 'minValue', type: 'float8', ifNull: `'NaN'` },
  { name: 'maxStep', type: 'int4', ifNull: '0' },
  { name: 'maxWall', type: 'float8', ifNull: `'NaN'` },
  { name: 'maxValue', type: 'float8', ifNull: `'NaN'` },
] as const satisfies readonly { name: string; type: 'int4' | 'float8'; ifNull?: string }[];

type FieldName = (typeof FIELDS)[number]['name'];
const BYTES = { int4: 4, float8: 8 } as const;

/** Byte offset of each field inside a record. */
export const OVERVIEW_OFFSET = {} as Record<FieldName, number>;
let end = 0;
for (const f of FIELDS) {
  OVERVIEW_OFFSET[f.name] = end;
  end += BYTES[f.type];
}
export const OVERVIEW_RECORD_BYTES = end;

/** SQL expression packing one ScalarRollup row (its columns are named like the fields) into a record. */
export const OVERVIEW_RECORD_SQL = FIELDS.map((f) => {
  const column = `"${f.name}"`;
  return `${f.type}send(${'ifNull' in f ? `coalesce(${column}, ${f.ifNull})` : column})`;
}).join(' || ');
