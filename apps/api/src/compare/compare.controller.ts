import { Controller, Get, Query } from '@nestjs/common';
import { ZCompareQuery, type TCompareQuery, type TCompareResult } from '@tensorscope/shared';
import { ZodPipe } from '../common/zod.pipe';
import { CompareService } from './compare.service';

/** Many runs × tags in one answer, downsampled (and smoothed) on the server. */
@Controller('api/compare')
export class CompareController {
  constructor(private readonly compare: CompareService) {}

  @Get()
  get(@Query(new ZodPipe(ZCompareQuery, 'query')) query: TCompareQuery): Promise<TCompareResult> {
    return this.compare.compare(query);
  }
}
