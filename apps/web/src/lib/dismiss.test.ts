import { describe, expect, it } from 'vitest';
import { shouldDismiss } from './dismiss';

const inside = { id: 'search box' };
const outside = { id: 'toolbar button' };
const panel = { contains: (node: unknown) => node === inside };

describe('shouldDismiss', () => {
  it('closes on Escape only, among keys', () => {
    expect(shouldDismiss({ type: 'keydown', key: 'Escape' }, panel)).toBe(true);
    expect(shouldDismiss({ type: 'keydown', key: 'Enter' }, panel)).toBe(false);
    expect(shouldDismiss({ type: 'keydown', key: 'a' }, panel)).toBe(false);
  });

  it('closes on a press or focus outside, not inside', () => {
    expect(shouldDismiss({ type: 'pointerdown', target: outside }, panel)).toBe(true);
    expect(shouldDismiss({ type: 'pointerdown', target: inside }, panel)).toBe(false);
    expect(shouldDismiss({ type: 'focusin', target: outside }, panel)).toBe(true);
    expect(shouldDismiss({ type: 'focusin', target: inside }, panel)).toBe(false);
  });

  it('ignores events without a target', () => {
    expect(shouldDismiss({ type: 'pointerdown', target: null }, panel)).toBe(false);
  });
});
