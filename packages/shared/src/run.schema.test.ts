import { describe, expect, it } from 'vitest';
import { ZRunIdParam, ZRunListQuery, ZRunUpdate } from './run.schema';
import { applyTagEdit } from './run-labels.schema';
import { toFieldErrors } from './zod-errors';
import { ZScalarQuery } from './scalar.schema';
import { ZBusEvent } from './events.schema';

describe('query schemas', () => {
  it('coerce query strings and apply paging defaults', () => {
    expect(ZRunListQuery.parse({})).toEqual({ archived: 'exclude', page: 1, pageSize: 20 });
    expect(ZRunListQuery.parse({ page: '3', pageSize: '50', status: 'running' })).toEqual({
      archived: 'exclude',
      page: 3,
      pageSize: 50,
      status: 'running',
    });
  });

  it('refuse out-of-range paging and unknown statuses', () => {
    expect(ZRunListQuery.safeParse({ page: '0' }).success).toBe(false);
    expect(ZRunListQuery.safeParse({ pageSize: '201' }).success).toBe(false);
    expect(ZRunListQuery.safeParse({ page: 'x' }).success).toBe(false);
    expect(ZRunListQuery.safeParse({ status: 'paused' }).success).toBe(false);
  });

  it('take slash-separated tags and refuse anything path-like or odd', () => {
    expect(ZScalarQuery.parse({ tag: 'test/accuracy', afterStep: '10' })).toEqual({ tag: 'test/accuracy', afterStep: 10, smoother: 'ema' });
    expect(ZScalarQuery.parse({ tag: 'train/loss', smoothing: '0.6', buckets: '100' })).toMatchObject({ smoothing: 0.6, buckets: 100 });
    expect(ZScalarQuery.safeParse({ tag: 'train/loss', smoothing: '1' }).success).toBe(false);
    expect(ZScalarQuery.safeParse({ tag: 'train/loss', smoother: 'lowess' }).success).toBe(false);
    expect(ZScalarQuery.parse({ tag: 'weights/conv1/kernel/std' }).tag).toBe('weights/conv1/kernel/std');
    for (const tag of ['', '/loss', 'loss/', 'a//b', 'a/b c', '../etc', 'a/./b', 'x'.repeat(201), "a'; drop"]) {
      expect(ZScalarQuery.safeParse({ tag }).success).toBe(false);
    }
  });

  it('accept only UUID run ids', () => {
    expect(ZRunIdParam.safeParse({ id: '5f0c6a36-5d5e-4a56-9c43-0c0f6f1b8b11' }).success).toBe(true);
    expect(ZRunIdParam.safeParse({ id: '42' }).success).toBe(false);
  });

  it('parse bus events by type', () => {
    expect(ZBusEvent.parse({ type: 'run.cancel', runId: 'r' })).toEqual({ type: 'run.cancel', runId: 'r' });
    expect(ZBusEvent.safeParse({ type: 'run.exploded', runId: 'r' }).success).toBe(false);
  });
});

describe('ZRunUpdate', () => {
  const issues = (body: unknown) => {
    const r = ZRunUpdate.safeParse(body);
    return r.success ? [] : toFieldErrors(r.error).map((e) => `${e.path}: ${e.message}`);
  };

  it('takes any of name, notes, tags and archived, trimmed', () => {
    expect(ZRunUpdate.parse({ name: '  renamed ', notes: '# why\n*this*', tags: [' baseline', 'lr:0.01'] })).toEqual({
      name: 'renamed',
      notes: '# why\n*this*',
      tags: ['baseline', 'lr:0.01'],
    });
    expect(ZRunUpdate.parse({ tags: [] })).toEqual({ tags: [] });
    expect(ZRunUpdate.parse({ notes: '' })).toEqual({ notes: '' });
  });

  it('refuses an empty change and unknown fields', () => {
    expect(issues({})[0]).toContain('give at least one field');
    expect(ZRunUpdate.safeParse({ status: 'completed' }).success).toBe(false);
  });

  it('says per field what is wrong', () => {
    expect(issues({ name: '  ' })).toEqual(['name: name must not be blank']);
    expect(issues({ name: 'x'.repeat(121) })).toEqual(['name: name must be at most 120 characters']);
    expect(issues({ notes: 'x'.repeat(20_001) })).toEqual(['notes: notes must be at most 20000 characters']);
    expect(issues({ notes: 'a\u0000b' })).toEqual(['notes: notes must not contain NUL characters or unpaired UTF-16 surrogates']);
    expect(issues({ tags: 'baseline' })).toEqual(['tags: tags must be a list of strings']);
    expect(issues({ tags: ['<b>x</b>'] })[0]).toMatch(/^tags\.0: a tag starts with a letter or digit/);
    expect(issues({ tags: ['ok', 'line\nbreak'] })[0]).toMatch(/^tags\.1: /);
    expect(issues({ tags: ['x'.repeat(33)] })).toEqual(['tags.0: a tag must be at most 32 characters']);
    expect(issues({ tags: ['Base', 'base'] })).toEqual(['tags.1: tag "base" is listed twice']);
    expect(issues({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })).toEqual(['tags: at most 20 tags per run']);
    expect(issues({ addTags: ['<x>'] })[0]).toMatch(/^addTags\.0: /);
    expect(issues({ tags: ['a'], removeTags: ['b'] })).toEqual([
      'tags: give either tags (the whole list) or addTags/removeTags (changes), not both',
    ]);
  });
});

describe('applyTagEdit', () => {
  it('removes in any case, adds what is not there yet, keeps the order', () => {
    expect(applyTagEdit(['Baseline', 'lr:0.01'], { remove: ['baseline'], add: ['best', 'LR:0.01'] })).toEqual({
      ok: true,
      tags: ['lr:0.01', 'best'],
    });
  });
  it('refuses a list over the limit, saying how long it would be', () => {
    const full = Array.from({ length: 20 }, (_, i) => `t${i}`);
    expect(applyTagEdit(full, { add: ['one-more'] })).toEqual({ ok: false, message: 'at most 20 tags per run (it would have 21)' });
    expect(applyTagEdit(full, { add: ['one-more'], remove: ['t0'] })).toMatchObject({ ok: true });
  });
});
