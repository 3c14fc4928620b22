import { HttpStatus } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/**
 * Explicit, not body-parser's implicit 100 kB. The largest real body (a sweep: 6 axes × 50
 * values) is a few kB; 1 MB leaves room and still stops a client from making the API buffer more.
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** An error the ErrorFilter turns into `{code, message}` with this status, like body-parser's own. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Every body is JSON. Nest's default parsers also read urlencoded bodies, which turned a plain
 * cross-site form post into a valid POST /api/runs; anything but JSON is now a 415. The app must be
 * created with `bodyParser: false`, or Nest registers its own parsers (limit 100 kB) as well.
 */
export function useJsonBodies(app: NestExpressApplication): void {
  app.use((req: Request, _res: Response, next: NextFunction) => {
    // null: the request has no body (a GET, or a POST like /cancel with none); false: not JSON.
    // A browser's fetch POST without a body still sends `Content-Length: 0` (and no type), which
    // type-is counts as a body: an empty body is no body (sign-out, cancel answered 415 before).
    const empty = req.headers['content-length'] === '0' && req.headers['transfer-encoding'] === undefined;
    if (!empty && req.is('application/json') === false && !isStreamedUpload(req)) {
      const type = req.headers['content-type'] ?? 'none';
      next(new BodyError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, `request bodies must be JSON (content-type: application/json), not ${type}`));
      return;
    }
    next();
  });
  app.useBodyParser('json', { limit: BODY_LIMIT_BYTES });
  // Right after the parser: Nest would turn a parse error into a bare BadRequestException, and
  // body-parser's "request entity too large" says neither what was wrong nor what the limit is.
  app.use((error: unknown, _req: Request, _res: Response, next: NextFunction) => next(toBodyError(error)));
}

/**
 * The one route whose body is not JSON: a dataset upload, multipart/form-data read as a stream by
 * its own handler (a cross-site form can post it but cannot add the CSRF header the guard wants).
 */
const isStreamedUpload = (req: Request): boolean =>
  req.method === 'POST' && req.path === '/api/datasets' && req.is('multipart/form-data') !== false;

function toBodyError(error: unknown): unknown {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large')
    return new BodyError(HttpStatus.PAYLOAD_TOO_LARGE, `request body must be at most ${BODY_LIMIT_BYTES} bytes (1 MB)`);
  if (type === 'entity.parse.failed')
    return new BodyError(HttpStatus.BAD_REQUEST, `request body is not valid JSON: ${(error as Error).message}`);
  return error;
}
