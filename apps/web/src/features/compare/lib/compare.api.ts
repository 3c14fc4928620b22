import type { TCompareQuery, TCsvHeader, TExportFormat, TSmoother } from '@tensorscope/shared';
import { COMPARE_COLUMNS_MEDIA_TYPE, decodeCompareColumns } from '@tensorscope/shared';
import { apiGetDecoded, apiUrl } from '../../../lib/api-client';

/** The query string of GET /api/compare; absent fields are left out, so equal queries give equal URLs. */
export function compareSearch(query: TCompareQuery): string {
  const params = new URLSearchParams({ runs: query.runs.join(','), tags: query.tags.join(',') });
  if (query.smoothing !== undefined && query.smoothing > 0) params.set('smoothing', String(query.smoothing));
  params.set('smoother', query.smoother);
  params.set('buckets', String(query.buckets));
  if (query.fromStep !== undefined) params.set('fromStep', String(query.fromStep));
  if (query.toStep !== undefined) params.set('toStep', String(query.toStep));
  return params.toString();
}

export const compareApi = {
  /**
   * Many runs × tags in one answer, downsampled and smoothed on the server. Asked for as binary
   * columns (compare-columns.codec): 100 runs' ~900,000 numbers as JSON took longer to parse and
   * check here than everything else of the first render.
   */
  compare: (query: TCompareQuery, signal?: AbortSignal) =>
    apiGetDecoded(decodeCompareColumns, `/api/compare?${compareSearch(query)}`, COMPARE_COLUMNS_MEDIA_TYPE, signal),
};

/** Download link of GET /api/export: every run × tag in one file, smoothed as on screen. */
export function compareExportUrl(query: {
  runs: readonly string[];
  tags: readonly string[];
  format: TExportFormat;
  header?: TCsvHeader;
  smoothing?: number;
  smoother?: TSmoother;
}): string {
  const params = new URLSearchParams({ runs: query.runs.join(','), tags: query.tags.join(','), format: query.format });
  if (query.header) params.set('header', query.header);
  if (query.smoothing !== undefined && query.smoothing > 0) {
    params.set('smoothing', String(query.smoothing));
    if (query.smoother) params.set('smoother', query.smoother);
  }
  return apiUrl(`/api/export?${params}`);
}
