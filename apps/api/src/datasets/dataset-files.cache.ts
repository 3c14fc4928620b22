import { Inject, Injectable, Logger } from '@nestjs/common';
import { uploadChecksum, uploadDir, UPLOAD_MANIFEST, writeFileAtomic, type TRunDataChoice } from '@tensorscope/ml';
import { DATASET_FILE_FIELDS, ZDatasetFormat, type TUploadManifest } from '@tensorscope/shared';
import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ENV, type TEnv } from '../env';
import { DatasetRepository } from './dataset.repository';

/**
 * Copies an uploaded dataset's files from the database into this process's cache folder, where
 * the trainer and render threads decode them (packages/ml's loadUploadedDataset): a worker on
 * another machine needs no shared disk. Files are streamed chunk by chunk (never a whole file in
 * memory), each checked against the catalogue's checksum, renamed into place, and the manifest
 * written last, so a crash mid-copy leaves a folder that is simply copied again.
 */
@Injectable()
export class DatasetFilesCache {
  private readonly logger = new Logger(DatasetFilesCache.name);
  private readonly copying = new Map<string, Promise<void>>();

  constructor(
    private readonly datasets: DatasetRepository,
    @Inject(ENV) private readonly env: TEnv,
  ) {}

  get cacheDir(): string {
    return join(this.env.DATA_DIR, 'cache');
  }

  /** Makes sure the files of a custom run's uploaded dataset are in the cache; built-ins and presets need nothing. */
  async ensureFor(config: TRunDataChoice | null): Promise<void> {
    if (
      config === null ||
      config.model !== 'custom' ||
      config.dataset === undefined ||
      config.dataset === 'mnist' ||
      config.dataset === 'cifar10'
    )
      return;
    const checksum = config.datasetFacts?.checksum;
    if (checksum === undefined) throw new Error(`dataset ${config.dataset}: the run has no dataset facts`);
    const id = config.dataset;
    let pending = this.copying.get(checksum);
    if (!pending) {
      pending = this.copy(id, checksum);
      this.copying.set(checksum, pending);
      // Only copies in flight are shared; each later call looks for the manifest again (one stat),
      // so a cache folder removed by hand is copied again rather than trusted.
      const settled = () => this.copying.delete(checksum);
      pending.then(settled, settled);
    }
    await pending;
  }

  private async copy(id: string, checksum: string): Promise<void> {
    const dir = uploadDir(this.cacheDir, checksum);
    if (await exists(join(dir, UPLOAD_MANIFEST))) return;
    const row = await this.datasets.findReady(id);
    if (!row) throw new Error(`dataset ${id} is no longer in the catalogue (deleted?)`);
    if (row.checksum !== checksum) throw new Error(`dataset ${id} has checksum ${row.checksum}; the run was created on ${checksum}`);
    const format = ZDatasetFormat.parse(row.format);
    const started = Date.now();
    await mkdir(dir, { recursive: true });
    const digests: string[] = [];
    let bytes = 0;
    for (const field of DATASET_FILE_FIELDS[format]) {
      const temp = join(dir, `.${field}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
      const hash = createHash('sha256');
      const handle = await open(temp, 'wx');
      try {
        for (let chunk = 0; ; chunk++) {
          const data = await this.datasets.readChunk(id, field, chunk);
          if (data === null) break;
          hash.update(data);
          bytes += data.length;
          await handle.write(data);
        }
        await handle.sync();
      } catch (e) {
        await handle.close();
        await rm(temp, { force: true });
        throw e;
      }
      await handle.close();
      await rename(temp, join(dir, field));
      digests.push(hash.digest('hex'));
    }
    const copied = uploadChecksum(digests);
    if (copied !== checksum)
      throw new Error(`dataset ${id}: the files read from the database have checksum ${copied}, the catalogue says ${checksum}`);
    const [h, w, c] = row.inputShape;
    const manifest: TUploadManifest = { id, format, classNames: row.classNames, inputShape: [h!, w!, c!], checksum };
    await writeFileAtomic(join(dir, UPLOAD_MANIFEST), JSON.stringify(manifest));
    this.logger.log(
      `dataset ${row.name} (${id}): ${(bytes / 1e6).toFixed(1)} MB copied into the cache in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
