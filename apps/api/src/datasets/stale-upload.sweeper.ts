import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { PeriodicJob } from '../common/periodic.job';
import { DatasetRepository } from './dataset.repository';

/** An upload still 'uploading' after this long belongs to an API process that died mid-upload. */
export const STALE_UPLOAD_MS = 6 * 60 * 60 * 1000;

/** Removes uploads an API process never finished (it died mid-upload): nothing half-imported stays. */
@Injectable()
export class StaleUploadSweeper extends PeriodicJob {
  constructor(
    private readonly datasets: DatasetRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super('sweeping stale uploads', new Logger('StaleUploadSweeper'), 10 * 60_000);
  }

  protected round(): Promise<number> {
    return this.datasets.deleteStaleUploads(new Date(this.clock.now().getTime() - STALE_UPLOAD_MS));
  }
}
