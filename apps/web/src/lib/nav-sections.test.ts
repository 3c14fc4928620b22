import { describe, expect, it } from 'vitest';
import { currentSection, visibleSections } from './nav-sections';

describe('currentSection', () => {
  it('matches a section and the pages below it', () => {
    expect(currentSection('/sweeps')).toBe('/sweeps');
    expect(currentSection('/sweeps/0b7f')).toBe('/sweeps');
    expect(currentSection('/compare')).toBe('/compare');
    expect(currentSection('/runs/new')).toBe('/runs/new');
  });

  it('puts run pages and the home page under Runs, and does not match by bare prefix', () => {
    expect(currentSection('/')).toBe('/');
    expect(currentSection('/runs/1234')).toBe('/');
    expect(currentSection('/sweepstakes')).toBe('/');
  });

  it('highlights no section on the account pages', () => {
    expect(currentSection('/settings')).toBe('');
    expect(currentSection('/login')).toBe('');
    expect(currentSection('/settingsx')).toBe('/');
  });
});

describe('visibleSections', () => {
  it('hides "New run" from those who may not launch', () => {
    expect(visibleSections(true).map((s) => s.href)).toEqual(['/', '/sweeps', '/compare', '/runs/new']);
    expect(visibleSections(false).map((s) => s.href)).toEqual(['/', '/sweeps', '/compare']);
  });
});
