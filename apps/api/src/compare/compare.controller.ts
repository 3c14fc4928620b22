import { Controller, Get, Headers, Res, StreamableFile } from '@nestjs/common';
import {
  COMPARE_COLUMNS_MEDIA_TYPE,
  encodeCompareColumns,
  ZCompareQuery,
  type TCompareQuery,
  type TCompareResult,
} from '@tensorscope/shared';
import type { Response } from 'express';
import { ValidQuery } from '../common/valid-query.param';
import { CompareService } from './compare.service';

/**
 * Many runs × tags in one answer, downsampled (and smoothed) on the server. JSON by default; the
 * dashboard asks for binary columns (compare-columns.codec): a 100-run answer is ~900,000 numbers,
 * which as JSON cost more to format here and to parse in the browser than to read from Postgres.
 */
@Controller('api/compare')
export class CompareController {
  constructor(private readonly compare: CompareService) {}

  @Get()
  async get(
    @ValidQuery(ZCompareQuery) query: TCompareQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TCompareResult | StreamableFile> {
    const started = performance.now();
    const result = await this.compare.compare(query);
    const read = performance.now() - started;
    // One URL, two representations: a cache must key on Accept.
    res.setHeader('Vary', 'Accept');
    // Where the time went (the compare bench prints it): reading and downsampling, then encoding.
    if (!accept?.includes(COMPARE_COLUMNS_MEDIA_TYPE)) {
      res.setHeader('Server-Timing', `read;dur=${read.toFixed(1)}`);
      return result;
    }
    const bytes = encodeCompareColumns(result);
    res.setHeader('Server-Timing', `read;dur=${read.toFixed(1)}, encode;dur=${(performance.now() - started - read).toFixed(1)}`);
    return new StreamableFile(bytes, { type: COMPARE_COLUMNS_MEDIA_TYPE, length: bytes.byteLength });
  }
}
