import { HttpException, HttpStatus } from '@nestjs/common';
import { ERROR_CODES, type TApiError, type TFieldErrors } from '@tensorscope/shared';

/** An error that already knows its HTTP status and public `{code, message, details}`. */
export class ApiError extends HttpException {
  constructor(
    status: HttpStatus,
    public readonly body: TApiError,
  ) {
    super(body, status);
  }

  static notFound(what: string, id: string): ApiError {
    return new ApiError(HttpStatus.NOT_FOUND, { code: ERROR_CODES.notFound, message: `${what} ${id} not found` });
  }

  /** 400 VALIDATION_FAILED with one `{path, message}` per problem, as ZodPipe answers. */
  static validation(what: string, details: TFieldErrors): ApiError {
    const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
    return new ApiError(HttpStatus.BAD_REQUEST, { code: ERROR_CODES.validation, message: `Invalid ${what}: ${summary}`, details });
  }

  static conflict(message: string, details?: unknown): ApiError {
    return new ApiError(HttpStatus.CONFLICT, { code: ERROR_CODES.conflict, message, details });
  }
}
