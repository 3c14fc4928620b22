import { Controller, Get } from '@nestjs/common';
import { ZCompareQuery, type TCompareQuery, type TCompareResult } from '@tensorscope/shared';
import { ValidQuery } from '../common/valid-query.param';
import { CompareService } from './compare.service';

/** Many runs × tags in one answer, downsampled (and smoothed) on the server. */
@Controller('api/compare')
export class CompareController {
  constructor(private readonly compare: CompareService) {}

  @Get()
  get(@ValidQuery(ZCompareQuery) query: TCompareQuery): Promise<TCompareResult> {
    return this.compare.compare(query);
  }
}
