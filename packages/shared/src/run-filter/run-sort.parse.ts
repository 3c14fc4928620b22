import { resolveField } from './run-filter.fields';
import type { TFilterError, TRunSort } from './run-filter.types';

const TIMES = ['createdAt', 'startedAt', 'finishedAt'] as const;

/**
 * `createdAt`, `-hiddenSize`, `best(test/accuracy)`, `-test/loss`: a leading `-` sorts descending.
 * Fields are those a filter may name (but not `tag`, a list) and the run's times.
 */
export function parseRunSort(text: string): { ok: true; sort: TRunSort } | { ok: false; error: TFilterError } {
  const desc = text.startsWith('-');
  const body = desc ? text.slice(1) : text;
  const agg = /^(best|final)\((.+)\)$/.exec(body);
  const time = TIMES.find((t) => t === body);
  if (time) return { ok: true, sort: { field: { kind: 'time', key: time }, desc } };
  const field = agg ? resolveField(agg[2]!, agg[1] as 'best' | 'final') : resolveField(body);
  if (typeof field === 'string') return { ok: false, error: { message: field, position: desc ? 1 : 0 } };
  if (field.kind === 'run' && field.key === 'tag') return { ok: false, error: { message: 'runs cannot be sorted by tag', position: 0 } };
  return { ok: true, sort: { field, desc } };
}

/** The sort as query text again (the URL keeps it). */
export function formatRunSort(sort: TRunSort): string {
  const f = sort.field;
  const name = f.kind === 'metric' ? (f.agg === 'best' ? `best(${f.tag})` : f.tag) : f.key;
  return `${sort.desc ? '-' : ''}${name}`;
}
