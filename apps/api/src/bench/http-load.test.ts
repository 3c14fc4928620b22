import { describe, expect, it } from 'vitest';
import { sendTimeOf } from './http-load';

describe('sendTimeOf (open-loop schedule)', () => {
  it('spaces all requests 1000/rate ms apart, the connections taking turns', () => {
    const times = [];
    for (let k = 0; k < 3; k++) for (let c = 0; c < 4; c++) times.push(sendTimeOf(c, k, 4, 100));
    expect(times.sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i * 10));
  });

  it('gives each connection one request per connections/rate seconds', () => {
    expect(sendTimeOf(7, 1, 200, 100) - sendTimeOf(7, 0, 200, 100)).toBe(2000);
    expect(sendTimeOf(0, 0, 200, 100)).toBe(0);
    expect(sendTimeOf(199, 0, 200, 100)).toBe(1990);
  });
});
