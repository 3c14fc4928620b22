import { describe, expect, it } from 'vitest';
import { checkFilterText, runSearchQuery } from './run-filter-text';
import { ARCHIVED_FILTERS, nextSort, runListQueryFromSearch } from './run-list-query';

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

describe('filter, sort and column sorting', () => {
  it('keeps a valid filter and sort from the URL and drops ones the API would refuse', () => {
    expect(read('filter=hiddenSize+>%3D+256&sort=-test/accuracy')).toMatchObject({
      filter: 'hiddenSize >= 256',
      sort: '-test/accuracy',
    });
    expect(read('filter=hiddenSize+>+big&sort=-nope')).not.toHaveProperty('filter');
    expect(read('sort=-nope')).not.toHaveProperty('sort');
    expect([nextSort(undefined, 'name'), nextSort('-name', 'name'), nextSort('name', 'name'), nextSort('-createdAt', 'name')]).toEqual([
      '-name',
      'name',
      undefined,
      '-name',
    ]);
  });

  it('checks the filter box with the API parser', () => {
    expect(checkFilterText('  ')).toEqual({ state: 'empty' });
    expect(checkFilterText(' seed = 1 ')).toEqual({ state: 'valid', text: 'seed = 1' });
    expect(checkFilterText('seed = x')).toEqual({ state: 'invalid', message: 'seed takes a number, not "x"', position: 7 });
  });
});

describe('runSearchQuery', () => {
  it('sends a filter expression as a filter and anything else as a name search', () => {
    expect(runSearchQuery('hiddenSize >= 256')).toEqual({ filter: 'hiddenSize >= 256' });
    expect(runSearchQuery(' lstm ')).toEqual({ name: 'lstm' });
    expect(runSearchQuery('seed')).toEqual({ name: 'seed' });
    expect(runSearchQuery('  ')).toEqual({});
  });
});
