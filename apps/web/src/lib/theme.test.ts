import { describe, expect, it } from 'vitest';
import { nextThemeChoice, parseThemeChoice, resolveTheme, THEME_BOOT_SCRIPT, THEME_STORAGE_KEY } from './theme';

describe('theme', () => {
  it('follows the system unless light or dark was picked', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('cycles system → light → dark → system and reads stored values safely', () => {
    expect(nextThemeChoice('system')).toBe('light');
    expect(nextThemeChoice('light')).toBe('dark');
    expect(nextThemeChoice('dark')).toBe('system');
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice(null)).toBe('system');
    expect(parseThemeChoice('purple')).toBe('system');
  });

  it('boots the theme before paint: a stored choice, else the system’s', () => {
    const html = { dataset: {} as Record<string, string> };
    const run = (stored: string | null, systemDark: boolean) => {
      html.dataset = {};
      const storage = { getItem: (key: string) => (key === THEME_STORAGE_KEY ? stored : null) };
      const matchMedia = () => ({ matches: systemDark });
      new Function('localStorage', 'document', 'matchMedia', THEME_BOOT_SCRIPT)(storage, { documentElement: html }, matchMedia);
      return html.dataset['theme'];
    };
    expect(run('dark', false)).toBe('dark');
    expect(run('light', true)).toBe('light');
    expect(run(null, true)).toBe('dark');
    expect(run(null, false)).toBe('light');
    expect(run('<script>', true)).toBe('dark');
  });
});
