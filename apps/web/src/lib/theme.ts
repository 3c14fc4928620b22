/*
 * Light or dark. The choice is the system's (prefers-color-scheme) unless the user picked one with
 * the header's toggle; it is kept in localStorage. The theme shown is data-theme on <html>, which
 * the stylesheet's dark variables key on (one block: the system's preference is resolved here, not
 * in a media query). Charts draw on canvas, so they ask for a redraw on a change.
 */

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type TThemeChoice = (typeof THEME_CHOICES)[number];
export const THEME_STORAGE_KEY = 'tensorscope-theme';
/** Fired on window when the theme changes (the toggle, or the system switching). */
export const THEME_EVENT = 'tensorscope-theme';

/** A stored value as a choice; anything else (nothing stored, a stale value) is `system`. */
export function parseThemeChoice(value: string | null | undefined): TThemeChoice {
  return THEME_CHOICES.find((c) => c === value) ?? 'system';
}

/** The toggle's next choice: system → light → dark → system. */
export function nextThemeChoice(choice: TThemeChoice): TThemeChoice {
  return THEME_CHOICES[(THEME_CHOICES.indexOf(choice) + 1) % THEME_CHOICES.length]!;
}

/** The theme a choice shows, given whether the system prefers dark. */
export function resolveTheme(choice: TThemeChoice, systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

/**
 * Runs before the first paint (an inline script in <head>), so a stored dark choice never flashes
 * light. Kept as a string built from the constants above: it cannot import anything.
 */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});var d=t==='dark'||(t!=='light'&&matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.dataset.theme=d?'dark':'light'}catch(e){}`;

export const SYSTEM_DARK_QUERY = '(prefers-color-scheme: dark)';

/** Shows the theme a choice resolves to now, and tells the charts. Browser only. */
export function showThemeChoice(choice: TThemeChoice): void {
  document.documentElement.dataset.theme = resolveTheme(choice, window.matchMedia(SYSTEM_DARK_QUERY).matches);
  window.dispatchEvent(new Event(THEME_EVENT));
}

/** Applies and stores a choice. Browser only. */
export function applyThemeChoice(choice: TThemeChoice): void {
  showThemeChoice(choice);
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage refused (private mode): the choice holds for this page only.
  }
}

/** A CSS variable of the current theme (for canvas colours), or `fallback` outside a browser. */
export function cssVar(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}
