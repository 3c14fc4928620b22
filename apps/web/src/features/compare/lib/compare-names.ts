/**
 * Legend labels for runs whose names share a long prefix (a sweep's runs are all
 * "<sweep> · field=value …"): the shared prefix, cut back to a separator so no word is split, is
 * dropped so the part that tells runs apart shows in a narrow legend. Full names stay in tooltips.
 */
export function distinctiveNames(names: readonly string[]): string[] {
  if (names.length < 2) return [...names];
  let prefix = names[0]!;
  for (const name of names) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
  // Back to the end of the last separator, so "lstm-128" and "lstm-256" keep "lstm-".
  const cut = Math.max(prefix.lastIndexOf(' · ') + 3, prefix.lastIndexOf(' ') + 1);
  if (cut < 4) return [...names];
  return names.map((n) => (n.length > cut ? n.slice(cut) : n));
}
