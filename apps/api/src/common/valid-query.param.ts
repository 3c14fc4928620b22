import { Query } from '@nestjs/common';
import type { z } from 'zod';
import { ZodPipe } from './zod.pipe';

/** `@ValidQuery(ZThingQuery) query: TThingQuery`: the query string parsed by a shared schema (a 400 in the error shape otherwise). */
export const ValidQuery = <S extends z.ZodType>(schema: S): ParameterDecorator => Query(new ZodPipe(schema, 'query'));
