/**
 * Errors that mean "the database is not reachable right now" rather than "this query is wrong":
 * refused or dropped connections, a server shutting down, starting up or in recovery, pool or
 * connect timeouts. Seen through node-postgres directly, pg-boss, and Prisma's driver adapter
 * (which nests the pg error as `cause`). The API answers these with 503 and the worker waits
 * them out; anything else is a real failure.
 */
const CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  // SQLSTATE class 08 (connection exception) and 57P (operator intervention: admin/crash shutdown, cannot connect now).
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  // Prisma: can't reach the server, server closed the connection, timed out waiting for a pool connection.
  'P1001',
  'P1017',
  'P2024',
]);

const MESSAGES =
  /connection terminated|terminating connection|connection (is )?closed|connection error|ECONNREFUSED|ECONNRESET|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|can't reach database|server has closed the connection|Client was closed|Cannot use a pool after calling end/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  // Walk the cause chain (Prisma → adapter → pg → socket); bounded against cycles.
  for (let depth = 0; depth < 6 && e !== null && typeof e === 'object' && !seen.has(e); depth++) {
    seen.add(e);
    const { code, message, cause, originalCode } = e as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };
    if (typeof code === 'string' && CODES.has(code)) return true;
    if (typeof originalCode === 'string' && CODES.has(originalCode)) return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
    e = cause;
  }
  return false;
}
