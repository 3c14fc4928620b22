import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { checkRange, type ImageSource } from './image-source';

/** Shape and labels of a cached split; its images stay in the file. */
export type DiskImageShape = Omit<ImageSource, 'images'>;

/**
 * A split's images read from its cache file by index (positional reads on one open file), not
 * held in memory: the pages stay in the OS's page cache, shared and reclaimable, instead of the
 * worker's resident set. The file is checked against its recorded size and SHA-256 through the
 * same open descriptor that is read afterwards, so a cache entry replaced later (written by
 * rename) cannot swap the bytes under a run. Close it when done.
 */
export class DiskImageSource implements ImageSource {
  readonly count: number;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly labels: Uint8Array;
  readonly classNames: readonly string[];
  private readonly bytesPerImage: number;
  private buffer = new Uint8Array(0);
  private closed = false;

  private constructor(
    private readonly fd: number,
    shape: DiskImageShape,
  ) {
    ({ count: this.count, height: this.height, width: this.width, channels: this.channels, labels: this.labels } = shape);
    this.classNames = shape.classNames;
    this.bytesPerImage = shape.height * shape.width * shape.channels;
  }

  /** Opens and verifies; answers a string saying why the file cannot be trusted instead. */
  static async open(path: string, shape: DiskImageShape, record: { bytes: number; sha256: string }): Promise<DiskImageSource | string> {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      return `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    }
    let problem: string | undefined;
    try {
      problem = await verify(fd, shape, record);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    if (problem !== undefined) {
      closeSync(fd);
      return problem;
    }
    return new DiskImageSource(fd, shape);
  }

  images(start: number, n: number): Uint8Array {
    if (this.closed) throw new Error('the image file is closed');
    checkRange(this.count, start, n);
    const bytes = n * this.bytesPerImage;
    if (this.buffer.length < bytes) this.buffer = new Uint8Array(bytes);
    const view = this.buffer.subarray(0, bytes);
    let done = 0;
    while (done < bytes) {
      const got = readSync(this.fd, view, done, bytes - done, start * this.bytesPerImage + done);
      if (got === 0) throw new Error(`the image file ended at byte ${start * this.bytesPerImage + done}`);
      done += got;
    }
    return view;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}

async function verify(fd: number, shape: DiskImageShape, record: { bytes: number; sha256: string }): Promise<string | undefined> {
  const size = fstatSync(fd).size;
  if (size !== record.bytes) return `${size} bytes, manifest says ${record.bytes}`;
  if (size !== shape.count * shape.height * shape.width * shape.channels) return 'image bytes do not match the shape';
  const hash = createHash('sha256');
  // Streamed from the same descriptor (autoClose off): never the whole file in memory.
  for await (const chunk of createReadStream('', { fd, start: 0, autoClose: false, highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  const actual = hash.digest('hex');
  return actual === record.sha256 ? undefined : `SHA-256 ${actual}, manifest says ${record.sha256}`;
}
