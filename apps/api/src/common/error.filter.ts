import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { ERROR_CODES, type TApiError } from '@tensorscope/shared';
import type { Response } from 'express';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import { ApiError } from './api-error';

const CODE_BY_STATUS: Record<number, string> = {
  400: ERROR_CODES.badRequest,
  404: ERROR_CODES.notFound,
  405: 'METHOD_NOT_ALLOWED',
  409: ERROR_CODES.conflict,
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** The one place that turns any thrown thing into `{code, message, details?}`. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toBody(exception);
    if (status === HttpStatus.SERVICE_UNAVAILABLE) {
      // Retry-After: clients (and the dashboard's query retries) come back once it is likely up.
      res.setHeader('Retry-After', '2');
      this.logger.warn(`${body.message} (${exception instanceof Error ? exception.message : String(exception)})`);
    } else if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    res.status(status).json(body);
  }

  private toBody(exception: unknown): { status: number; body: TApiError } {
    if (exception instanceof ApiError) return { status: exception.getStatus(), body: exception.body };
    if (isDatabaseUnavailable(exception)) return { status: HttpStatus.SERVICE_UNAVAILABLE, body: DATABASE_UNAVAILABLE };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { status, body: { code: CODE_BY_STATUS[status] ?? `HTTP_${status}`, message: messageOf(exception) } };
    }
    // Body errors (BodyError from json-bodies.setup, body-parser's: bad charset, aborted) and
    // Express's undecodable path parameters carry their own 4xx status.
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = (exception as Error).message || 'Bad request';
      return { status, body: { code: CODE_BY_STATUS[status] ?? `HTTP_${status}`, message } };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { code: ERROR_CODES.internal, message: 'Internal error; the server log has the details.' },
    };
  }
}

export const DATABASE_UNAVAILABLE: TApiError = {
  code: 'DATABASE_UNAVAILABLE',
  message: 'The database is not reachable right now; nothing was changed. Try again in a few seconds.',
};

function messageOf(e: HttpException): string {
  const r = e.getResponse();
  if (typeof r === 'string') return r;
  const m = (r as { message?: unknown }).message;
  return Array.isArray(m) ? m.join('; ') : typeof m === 'string' ? m : e.message;
}
