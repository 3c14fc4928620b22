/** The header's top-level sections. */
export const NAV_SECTIONS = [
  { href: '/', label: 'Runs', testId: 'nav-runs' },
  { href: '/sweeps', label: 'Sweeps', testId: 'nav-sweeps' },
  { href: '/compare', label: 'Compare', testId: 'nav-compare' },
  { href: '/datasets', label: 'Datasets', testId: 'nav-datasets' },
  { href: '/runs/new', label: 'New run', testId: 'nav-new-run', launches: true },
] as const;

/** The sections to show: "New run" only to those who may launch (viewers would meet a disabled form). */
export function visibleSections(mayLaunch: boolean) {
  return NAV_SECTIONS.filter((section) => mayLaunch || !('launches' in section && section.launches));
}

/** Pages of no section (reached from the user menu): nothing in the nav is highlighted there. */
const OUTSIDE_SECTIONS = ['/settings', '/login'];

/**
 * The section a path belongs to, for highlighting it: the longest section href that is the
 * path or a parent of it; '' for the account pages; anything else (a run page, say) belongs to Runs.
 */
export function currentSection(pathname: string): string {
  if (OUTSIDE_SECTIONS.some((href) => pathname === href || pathname.startsWith(`${href}/`))) return '';
  const matches = NAV_SECTIONS.map((s) => s.href).filter((href) => href !== '/' && (pathname === href || pathname.startsWith(`${href}/`)));
  return matches.sort((a, b) => b.length - a.length)[0] ?? '/';
}
