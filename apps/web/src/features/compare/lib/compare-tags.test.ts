import { describe, expect, it } from 'vitest';
import { chartTags, filterTagGroups, groupTags, toggleTag } from './compare-tags';

describe('groupTags', () => {
  it('puts core metrics first in default order, then layer kinds, naturally sorted', () => {
    const groups = groupTags([
      'weights/conv2/kernel/std',
      'test/loss',
      'weights/conv10/kernel/std',
      'train/loss',
      'train/accuracy',
      'custom/thing',
      'test/accuracy',
      'activations/fc1/mean',
      'train/loss',
      'weights/conv1/bias/mean',
    ]);
    expect(groups).toEqual([
      { group: 'Metrics', tags: ['train/accuracy', 'test/accuracy', 'train/loss', 'test/loss'] },
      { group: 'Weights', tags: ['weights/conv1/bias/mean', 'weights/conv2/kernel/std', 'weights/conv10/kernel/std'] },
      { group: 'Activations', tags: ['activations/fc1/mean'] },
      { group: 'Other', tags: ['custom/thing'] },
    ]);
  });

  it('filters case-insensitively and drops empty groups', () => {
    const groups = groupTags(['train/loss', 'weights/conv1/kernel/std', 'gradients/conv1/kernel/std']);
    expect(filterTagGroups(groups, 'CONV1/kernel')).toEqual([
      { group: 'Weights', tags: ['weights/conv1/kernel/std'] },
      { group: 'Gradients', tags: ['gradients/conv1/kernel/std'] },
    ]);
    expect(filterTagGroups(groups, '  ')).toEqual(groups);
  });
});

describe('toggleTag', () => {
  it('adds at the end, removes, and respects the maximum', () => {
    expect(toggleTag(['a'], 'b', true, 3)).toEqual(['a', 'b']);
    expect(toggleTag(['a', 'b'], 'a', false, 3)).toEqual(['b']);
    expect(toggleTag(['a', 'b'], 'c', true, 2)).toEqual(['a', 'b']);
    expect(toggleTag(['a'], 'a', true, 3)).toEqual(['a']);
  });
});

describe('chartTags', () => {
  it('shows picked tags as picked', () => {
    expect(chartTags(['b', 'a'], new Set(['a']))).toEqual(['b', 'a']);
  });

  it('shows the default tags that have data, all of them before the answer or when none has', () => {
    expect(chartTags(null, new Set(['test/loss', 'train/loss', 'weights/x']))).toEqual(['train/loss', 'test/loss']);
    expect(chartTags(null, null)).toEqual(['train/accuracy', 'test/accuracy', 'train/loss', 'test/loss']);
    expect(chartTags(null, new Set())).toEqual(['train/accuracy', 'test/accuracy', 'train/loss', 'test/loss']);
  });
});
