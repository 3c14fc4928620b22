/**
 * Legend labels for runs whose names share long parts: a sweep's runs are all "<sweep> · field=value
 * …", runs launched by hand often end alike ("… cifar gray28 final"). The shared prefix and the
 * shared suffix, each cut back to a separator so no word is split, are dropped (the suffix leaves
 * "…"), so the part that tells runs apart is what a narrow legend shows; a legend that still has
 * to shorten a label cuts its end, which is then never the differing part alone. Full names stay
 * in tooltips.
 */
export function distinctiveNames(names: readonly string[]): string[] {
  if (names.length < 2) return [...names];
  const cut = sharedPrefixCut(names);
  const rest = names.map((n) => (cut >= 4 && n.length > cut ? n.slice(cut) : n));
  const tail = sharedSuffixCut(rest);
  return rest.map((n) => (tail >= 4 && n.length > tail ? `${n.slice(0, n.length - tail).trimEnd()} …` : n));
}

/** Length of the shared prefix, back to the end of its last separator (" · " or a space). */
function sharedPrefixCut(names: readonly string[]): number {
  let prefix = names[0]!;
  for (const name of names) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
  // Back to the end of the last separator, so "lstm-128" and "lstm-256" keep "lstm-".
  return Math.max(prefix.lastIndexOf(' · ') + 3, prefix.lastIndexOf(' ') + 1);
}

/** Length of the shared suffix, from the start of its first separator (a space) on; 0 when there is none. */
function sharedSuffixCut(names: readonly string[]): number {
  let suffix = names[0]!;
  for (const name of names) while (!name.endsWith(suffix)) suffix = suffix.slice(1);
  const space = suffix.indexOf(' ');
  return space < 0 ? 0 : suffix.length - space;
}
