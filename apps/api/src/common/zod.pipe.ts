import type { PipeTransform } from '@nestjs/common';
import { fieldMessages, toFieldErrors } from '@tensorscope/shared';
import type { z } from 'zod';
import { ApiError } from './api-error';

/** Validates one request part against a shared zod schema; a failure is a 400 with one message per field. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(
    private readonly schema: S,
    private readonly what = 'request',
  ) {}

  transform(value: unknown): z.infer<S> {
    const parsed = this.schema.safeParse(value, { error: fieldMessages });
    if (parsed.success) return parsed.data;
    throw ApiError.validation(this.what, toFieldErrors(parsed.error));
  }
}
