import { Injectable } from '@nestjs/common';
import { FINISHED_STATUSES, type TCompareQuery, type TCompareResult } from '@tensorscope/shared';
import { RunRepository } from '../runs/run.repository';
import { ScalarStore } from '../scalars/scalar.store';

/** Many runs × tags in one answer: every existing run's series, downsampled by the scalar store. */
@Injectable()
export class CompareService {
  constructor(
    private readonly runs: RunRepository,
    private readonly scalars: ScalarStore,
  ) {}

  async compare(q: TCompareQuery): Promise<TCompareResult> {
    const existing = await this.runs.statuses(q.runs);
    const refs = q.runs
      .filter((id) => existing.has(id))
      .flatMap((runId) => q.tags.map((tag) => ({ runId, tag, finished: FINISHED_STATUSES.includes(existing.get(runId)!) })));
    return { series: await this.scalars.readDownsampled(refs, q), missingRuns: q.runs.filter((id) => !existing.has(id)) };
  }
}
