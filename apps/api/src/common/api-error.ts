import { HttpException, HttpStatus } from '@nestjs/common';
import { ERROR_CODES, type TApiError } from '@tensorscope/shared';

/** An error that already knows its HTTP status and public `{code, message, details}`. */
export class ApiError extends HttpException {
  constructor(status: HttpStatus, public readonly body: TApiError) {
    super(body, status);
  }

  static notFound(what: string, id: string): ApiError {
    return new ApiError(HttpStatus.NOT_FOUND, { code: ERROR_CODES.notFound, message: `${what} ${id} not found` });
  }

  static conflict(message: string, details?: unknown): ApiError {
    return new ApiError(HttpStatus.CONFLICT, { code: ERROR_CODES.conflict, message, details });
  }
}
