import { DEFAULT_COMPARE_TAGS } from './compare-url';

/*
 * The tag picker offers the union of the selected runs' scalar tags, grouped: the core metrics
 * first (what a comparison is usually about), then layer statistics by kind.
 */

export interface TTagGroup {
  group: string;
  tags: string[];
}

const GROUPS = ['metrics', 'weights', 'gradients', 'activations', 'other'] as const;
const GROUP_LABELS: Record<(typeof GROUPS)[number], string> = {
  metrics: 'Metrics',
  weights: 'Weights',
  gradients: 'Gradients',
  activations: 'Activations',
  other: 'Other',
};
const collator = new Intl.Collator('en', { numeric: true });
const CORE: readonly string[] = DEFAULT_COMPARE_TAGS;

function groupOf(tag: string): (typeof GROUPS)[number] {
  const head = tag.split('/')[0]!;
  if (head === 'train' || head === 'test') return 'metrics';
  if (head === 'weights' || head === 'gradients' || head === 'activations') return head;
  return 'other';
}

/** Grouped, de-duplicated tags; core metrics in their default order, the rest in natural order. */
export function groupTags(tags: Iterable<string>): TTagGroup[] {
  const byGroup = new Map<(typeof GROUPS)[number], Set<string>>();
  for (const tag of tags) {
    const group = groupOf(tag);
    const set = byGroup.get(group) ?? new Set<string>();
    set.add(tag);
    byGroup.set(group, set);
  }
  const coreRank = (tag: string) => (CORE.includes(tag) ? CORE.indexOf(tag) : CORE.length);
  return GROUPS.filter((group) => byGroup.has(group)).map((group) => ({
    group: GROUP_LABELS[group],
    tags: [...byGroup.get(group)!].sort((a, b) => coreRank(a) - coreRank(b) || collator.compare(a, b)),
  }));
}

/** Groups whose tags contain `filter` (case-insensitive); empty groups are dropped. */
export function filterTagGroups(groups: readonly TTagGroup[], filter: string): TTagGroup[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return [...groups];
  return groups
    .map((g) => ({ group: g.group, tags: g.tags.filter((tag) => tag.toLowerCase().includes(needle)) }))
    .filter((g) => g.tags.length > 0);
}

/** Toggling a tag in the picker; the first change starts from the tags shown by default. */
export function toggleTag(current: readonly string[], tag: string, on: boolean, max: number): string[] {
  if (on) return current.includes(tag) || current.length >= max ? [...current] : [...current, tag];
  return current.filter((t) => t !== tag);
}

/**
 * The tags that get a chart: the ones picked, else the default core tags that at least one run
 * has (all of them until the answer says, or when no run has any yet: they fill up live).
 */
export function chartTags(picked: readonly string[] | null, withData: ReadonlySet<string> | null): string[] {
  if (picked) return [...picked];
  const present = withData ? CORE.filter((tag) => withData.has(tag)) : [];
  return present.length > 0 ? present : [...CORE];
}
