import { describe, expect, it } from 'vitest';
import { currentSection, visibleSections } from './nav-sections';

describe('currentSection', () => {
  it.each([
    // A section and the pages below it.
    ['/sweeps', '/sweeps'],
    ['/sweeps/0b7f', '/sweeps'],
    ['/compare', '/compare'],
    ['/runs/new', '/runs/new'],
    // Run pages and the home page are under Runs; a bare prefix is no match.
    ['/', '/'],
    ['/runs/1234', '/'],
    ['/sweepstakes', '/'],
    // The account pages highlight no section.
    ['/settings', ''],
    ['/login', ''],
    ['/settingsx', '/'],
  ])('puts %s under "%s"', (path, section) => {
    expect(currentSection(path)).toBe(section);
  });
});

describe('visibleSections', () => {
  it('hides "New run" from those who may not launch', () => {
    expect(visibleSections(true).map((s) => s.href)).toEqual(['/', '/sweeps', '/compare', '/datasets', '/runs/new']);
    expect(visibleSections(false).map((s) => s.href)).toEqual(['/', '/sweeps', '/compare', '/datasets']);
  });
});
