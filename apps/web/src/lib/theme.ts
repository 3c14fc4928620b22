/*
 * Light or dark. The choice is the system's (prefers-color-scheme) unless the user picked one with
 * the header's toggle; it is kept in localStorage and applied as data-theme on <html>, which the
 * stylesheet's dark variables key on. Charts draw on canvas, so they ask for a redraw on a change.
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
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

/** Applies and stores a choice, and tells the charts. Browser only. */
export function applyThemeChoice(choice: TThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage refused (private mode): the choice holds for this page only.
  }
  window.dispatchEvent(new Event(THEME_EVENT));
}

/** A CSS variable of the current theme (for canvas colours), or `fallback` outside a browser. */
export function cssVar(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}
