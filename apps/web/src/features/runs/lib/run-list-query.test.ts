import { describe, expect, it } from 'vitest';
import { ARCHIVED_FILTERS, runListQueryFromSearch } from './run-list-query';

const read = (qs: string) => runListQueryFromSearch(new URLSearchParams(qs));

describe('runListQueryFromSearch', () => {
  it('reads the filters and the page', () => {
    expect(read('status=running&name=%20adam%20&page=3')).toEqual({ status: 'running', name: 'adam', page: 3, pageSize: 20 });
  });

  it('falls back to the first page and no filter for junk', () => {
    expect(read('status=sleeping&page=-2&archived=maybe')).toEqual({ page: 1, pageSize: 20 });
  });

  it('keeps archived=include and only, and leaves the default (exclude) out', () => {
    expect(read('archived=include').archived).toBe('include');
    expect(read('archived=only').archived).toBe('only');
    expect('archived' in read('archived=exclude')).toBe(false);
  });

  it("offers the API's three choices", () => {
    expect(ARCHIVED_FILTERS).toEqual(['exclude', 'include', 'only']);
  });
});
