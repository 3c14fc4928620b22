import { describe, expect, it } from 'vitest';
import { waitOutDatabaseOutage } from './database-outage.wait';
import { isDatabaseUnavailable } from './database-unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('knows refused and dropped connections, shutdowns and pool timeouts, also nested as causes', () => {
    expect(isDatabaseUnavailable(withCode('ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('57P03', 'the database system is starting up'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('outer', { cause: new Error('inner', { cause: withCode('ECONNRESET') }) }))).toBe(true);
  });

  it('does not mistake query errors for outages', () => {
    expect(isDatabaseUnavailable(withCode('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(isDatabaseUnavailable(withCode('22P05', 'unsupported Unicode escape sequence'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('invalid input syntax for type uuid'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    const cyclic: { message: string; cause?: unknown } = { message: 'a' };
    cyclic.cause = cyclic;
    expect(isDatabaseUnavailable(cyclic)).toBe(false);
  });
});

describe('waitOutDatabaseOutage', () => {
  it('retries through an outage, logs its start and end, and answers the result', async () => {
    let calls = 0;
    const logs: string[] = [];
    const result = await waitOutDatabaseOutage(
      'a write',
      async () => {
        if (++calls < 4) throw withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5433');
        return 42;
      },
      { log: (m) => logs.push(m), firstDelayMs: 1, maxDelayMs: 2 },
    );
    expect(result).toBe(42);
    expect(calls).toBe(4);
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatch(/unavailable.*a write waits/);
    expect(logs[1]).toMatch(/back/);
  });

  it('rethrows other errors at once, and outages when told to give up', async () => {
    let calls = 0;
    const fail = () => {
      calls++;
      return Promise.reject(withCode('23505', 'duplicate'));
    };
    await expect(waitOutDatabaseOutage('w', fail, { log: () => undefined, firstDelayMs: 1 })).rejects.toThrow('duplicate');
    expect(calls).toBe(1);
    const down = () => Promise.reject(withCode('ECONNREFUSED'));
    await expect(waitOutDatabaseOutage('w', down, { log: () => undefined, giveUp: () => true })).rejects.toThrow();
  });
});
