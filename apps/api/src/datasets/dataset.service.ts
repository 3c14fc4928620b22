import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DATASET_FILE_FIELDS, hasRole, toFieldErrors, ZDatasetUploadFields, type TDataset } from '@tensorscope/shared';
import { uploadChecksum } from '@tensorscope/ml';
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TPrincipal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { ENV, type TEnv } from '../env';
import { renderBuiltinSamples, startDecodeSession } from './dataset-decode.client';
import { join } from 'node:path';
import { toDataset } from './dataset.mapper';
import { DatasetRepository } from './dataset.repository';
import { MultipartError, receiveMultipart } from './multipart.receive';

/** Rows of DatasetFile: big enough for few rows, small enough for one INSERT's memory. */
export const CHUNK_BYTES = 4 * 1024 * 1024;

@Injectable()
export class DatasetService {
  constructor(
    private readonly datasets: DatasetRepository,
    @Inject(ENV) private readonly env: TEnv,
  ) {}

  async list(): Promise<TDataset[]> {
    return (await this.datasets.listReady()).map(toDataset);
  }

  async get(id: string): Promise<TDataset> {
    const row = await this.datasets.findReady(id);
    if (!row) throw ApiError.notFound('dataset', id);
    return toDataset(row);
  }

  /**
   * Stores an upload's files in the database as they arrive (chunked, checksummed), decodes them
   * on a separate thread meanwhile, and adds the dataset to the catalogue only if it decodes. Any
   * failure (a bad form, bad files, the client gone) deletes everything stored for it, so nothing
   * half-imported remains; an API that dies mid-upload leaves an 'uploading' row that
   * StaleUploadSweeper removes.
   */
  async upload(req: IncomingMessage, principal: TPrincipal): Promise<TDataset> {
    const id = randomUUID();
    await this.datasets.startUpload(id, '(uploading)', 'pending', principal.user.id);
    const decoder = startDecodeSession();
    const digests = new Map<string, string>();
    let sizeBytes = 0;
    try {
      const fields = await receiveMultipart(
        req,
        { maxBytes: this.env.DATASET_UPLOAD_MAX_BYTES, maxFiles: 8 },
        async (field, stream, countBytes) => {
          if (digests.has(field)) throw new MultipartError(field, `${field} is sent twice`);
          const hash = createHash('sha256');
          let chunk = 0;
          let pending: Buffer[] = [];
          let pendingBytes = 0;
          const store = async () => {
            const data = Buffer.concat(pending);
            pending = [];
            pendingBytes = 0;
            await this.datasets.appendChunk(id, field, chunk++, data);
          };
          for await (const data of stream) {
            countBytes(data.length);
            sizeBytes += data.length;
            hash.update(data);
            decoder.push(field, data);
            pending.push(data);
            pendingBytes += data.length;
            if (pendingBytes >= CHUNK_BYTES) await store();
          }
          if (pendingBytes > 0 || chunk === 0) await store();
          digests.set(field, hash.digest('hex'));
        },
      );
      const parsed = ZDatasetUploadFields.safeParse(fields);
      if (!parsed.success) throw ApiError.validation('dataset upload', toFieldErrors(parsed.error));
      const { name, format, classNames, inputShape } = parsed.data;
      const expected = DATASET_FILE_FIELDS[format];
      const problems = [
        ...expected
          .filter((f) => !digests.has(f))
          .map((f) => ({ path: f, message: `${f} is missing (format ${format} takes ${expected.join(', ')})` })),
        ...[...digests.keys()]
          .filter((f) => !expected.includes(f))
          .map((f) => ({ path: f, message: `${f} is not a file of format ${format} (it takes ${expected.join(', ')})` })),
      ];
      if (inputShape && format !== 'csv')
        problems.push({ path: 'inputShape', message: 'inputShape is only for csv uploads (other formats carry their shape)' });
      if (problems.length > 0) throw ApiError.validation('dataset upload', problems);
      const answer = await decoder.finish({ format, ...(classNames ? { classNames } : {}), ...(inputShape ? { inputShape } : {}) });
      if (answer.type === 'refused') throw ApiError.validation('dataset upload', [{ path: 'files', message: answer.message }]);
      if (answer.type !== 'done')
        throw new Error(`decoding dataset upload ${id} failed: ${answer.type === 'failed' ? answer.message : answer.type}`);
      const checksum = uploadChecksum(expected.map((f) => digests.get(f)!));
      return toDataset(await this.datasets.markReady(id, name, format, answer.summary, checksum, sizeBytes));
    } catch (e) {
      await this.datasets.delete(id).catch(() => undefined);
      if (e instanceof MultipartError) throw ApiError.validation('dataset upload', [{ path: e.path, message: e.message }]);
      throw e;
    } finally {
      await decoder.close();
    }
  }

  /**
   * The dataset's sample grid (PNG, one row per class): an upload's was drawn when it was decoded;
   * a built-in's is drawn on first request, off the request thread, and kept.
   */
  async samples(id: string): Promise<Buffer> {
    const row = await this.datasets.findReady(id);
    if (!row) throw ApiError.notFound('dataset', id);
    if (row.samplesPng) return Buffer.from(row.samplesPng);
    if (row.id !== 'mnist' && row.id !== 'cifar10') throw ApiError.notFound('sample grid of dataset', id);
    const png = await renderBuiltinSamples(row.id, join(this.env.DATA_DIR, 'cache'));
    await this.datasets.saveSamples(id, png);
    return Buffer.from(png);
  }

  /** Deletes an upload and its files (its owner or an admin); built-ins stay. */
  async delete(id: string, principal: TPrincipal): Promise<void> {
    const row = await this.datasets.findReady(id);
    if (!row) throw ApiError.notFound('dataset', id);
    if (row.builtin)
      throw new ApiError(HttpStatus.CONFLICT, { code: 'CONFLICT', message: `${row.name} is built in and cannot be deleted` });
    const mine = row.ownerId !== null && row.ownerId === principal.user.id && hasRole(principal.user.role, 'launcher');
    if (principal.user.role !== 'admin' && !mine)
      throw new ApiError(HttpStatus.FORBIDDEN, {
        code: 'FORBIDDEN',
        message: `Only the dataset's owner or an admin may delete dataset ${id}.`,
      });
    const { deleted, usedBy } = await this.datasets.deleteUnused(id);
    if (usedBy > 0)
      throw ApiError.conflict(
        `dataset ${row.name} is used by ${usedBy} run${usedBy === 1 ? '' : 's'}; delete ${usedBy === 1 ? 'it' : 'them'} first (GET /api/runs?filter=dataset = ${id})`,
      );
    if (!deleted) throw ApiError.notFound('dataset', id);
  }
}
