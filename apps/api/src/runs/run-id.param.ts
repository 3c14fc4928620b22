import { Param } from '@nestjs/common';
import { ZRunIdParam } from '@tensorscope/shared';
import { ZodPipe } from '../common/zod.pipe';

/** Validates the whole path params object, so a bad id fails with the field `id`, as everywhere. */
const runIdPipe = new ZodPipe(
  ZRunIdParam.transform((params) => params.id),
  'run id',
);

/** `@RunId() id: string` on a `runs/:id` route: the run id from the path, checked to be a UUID. */
export const RunId = (): ParameterDecorator => Param(runIdPipe);
