/**
 * The binary record of a packed overview (ScalarOverview.data): one record per rollup bucket, in
 * bucket order, each field big-endian as Postgres' int4send/float8send write it. The only
 * definition of the layout: OVERVIEW_PACK_SQL (scalar-rollup.sql.ts) writes records from it and
 * decodePackedSeries (packed-series.decode.ts) reads them with its offsets.
 *
 * Stored overviews are kept across upgrades, so the order and types here are a storage format:
 * changing them means re-packing every finished run (overview.layout.test.ts pins them).
 */
type PointName = 'first' | 'last' | 'min' | 'max';
type FieldName = 'bucket' | 'count' | 'finiteCount' | 'sum' | `${PointName}${'Step' | 'Wall' | 'Value'}`;
interface Field {
  name: FieldName;
  type: 'int4' | 'float8';
  /** Packed instead of a NULL column. */
  ifNull?: string;
}

/**
 * A point: step, wall time, value. A bucket without finite values has no min/max point (NULL
 * columns): packed as step 0 with NaN wall time and value.
 */
const point = (p: PointName, nullable = false): Field[] => [
  { name: `${p}Step`, type: 'int4', ...(nullable ? { ifNull: '0' } : {}) },
  { name: `${p}Wall`, type: 'float8', ...(nullable ? { ifNull: `'NaN'` } : {}) },
  { name: `${p}Value`, type: 'float8', ...(nullable ? { ifNull: `'NaN'` } : {}) },
];

/** Counts and the finite sum, then the first, last, min and max points. */
const FIELDS: readonly Field[] = [
  { name: 'bucket', type: 'int4' },
  { name: 'count', type: 'int4' },
  { name: 'finiteCount', type: 'int4' },
  { name: 'sum', type: 'float8' },
  ...point('first'),
  ...point('last'),
  ...point('min', true),
  ...point('max', true),
];

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
  return `${f.type}send(${f.ifNull === undefined ? column : `coalesce(${column}, ${f.ifNull})`})`;
}).join(' || ');
