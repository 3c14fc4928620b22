'use client';

import { useEffect, useState } from 'react';
import {
  applyThemeChoice,
  nextThemeChoice,
  parseThemeChoice,
  showThemeChoice,
  SYSTEM_DARK_QUERY,
  THEME_STORAGE_KEY,
  type TThemeChoice,
} from '../lib/theme';

const LABELS: Record<TThemeChoice, string> = { system: '◐ auto', light: '☀ light', dark: '☾ dark' };

/** Header button: system → light → dark. Starts as "auto" on the server; the stored choice shows after mount. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<TThemeChoice>('system');
  useEffect(() => {
    try {
      setChoice(parseThemeChoice(localStorage.getItem(THEME_STORAGE_KEY)));
    } catch {
      // No storage: the system decides.
    }
  }, []);
  // Following the system: a switch there (night mode coming on) is shown at once.
  useEffect(() => {
    if (choice !== 'system') return;
    const media = window.matchMedia(SYSTEM_DARK_QUERY);
    const follow = () => showThemeChoice('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [choice]);
  const next = nextThemeChoice(choice);
  return (
    <button
      type="button"
      className="user-menu-button theme-toggle"
      data-testid="theme-toggle"
      data-theme-choice={choice}
      title={`Colour scheme: ${choice === 'system' ? 'following the system' : choice}. Click for ${next === 'system' ? 'the system’s' : next}.`}
      onClick={() => {
        applyThemeChoice(next);
        setChoice(next);
      }}
    >
      {LABELS[choice]}
    </button>
  );
}
