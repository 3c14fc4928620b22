import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login.throttle';

describe('LoginThrottle', () => {
  it('blocks an email after N failures until the oldest leaves the window', () => {
    const t = new LoginThrottle(3, 100, 60_000);
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfter('a@x.io', '1.1.1.1', 1000 + i)).toBe(0);
      t.fail('a@x.io', '1.1.1.1', 1000 + i);
    }
    expect(t.retryAfter('a@x.io', '2.2.2.2', 2000)).toBe(59);
    expect(t.retryAfter('b@x.io', '1.1.1.1', 2000)).toBe(0);
    expect(t.retryAfter('a@x.io', '1.1.1.1', 61_001)).toBe(0);
  });

  it('blocks an address that guesses many emails, and success clears only that email', () => {
    const t = new LoginThrottle(100, 2, 10_000);
    t.fail('a@x.io', '9.9.9.9', 0);
    t.fail('b@x.io', '9.9.9.9', 1);
    expect(t.retryAfter('c@x.io', '9.9.9.9', 2)).toBe(10);
    t.succeed('a@x.io');
    expect(t.retryAfter('c@x.io', '9.9.9.9', 2)).toBe(10);
    expect(t.retryAfter('c@x.io', '8.8.8.8', 2)).toBe(0);
  });
});
