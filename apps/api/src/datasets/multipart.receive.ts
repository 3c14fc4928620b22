import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';

/** Why an upload's body is refused: the form's own shape, before anything is decoded. */
export class MultipartError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export interface TMultipartLimits {
  /** All files together. */
  maxBytes: number;
  maxFiles: number;
}

/**
 * Reads a multipart/form-data request as a stream: text fields are collected, each file is handed
 * to `onFile` as it arrives and read by it (its pace is the upload's pace: nothing is buffered here).
 * Resolves with the fields once every file has been read; rejects with a MultipartError for a
 * malformed form, too many files or too many bytes, after which the rest of the body is discarded.
 */
export function receiveMultipart(
  req: IncomingMessage,
  limits: TMultipartLimits,
  onFile: (field: string, stream: AsyncIterable<Buffer>, countBytes: (n: number) => void) => Promise<void>,
): Promise<Record<string, string>> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type))
    return Promise.reject(new MultipartError('(body)', `send the upload as multipart/form-data (got ${type || 'no content type'})`));
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: limits.maxFiles, fields: 20, fieldSize: 64 * 1024, fileSize: limits.maxBytes },
      });
    } catch (e) {
      reject(new MultipartError('(body)', `not a readable multipart body (${e instanceof Error ? e.message : String(e)})`));
      return;
    }
    const fields: Record<string, string> = {};
    let total = 0;
    let failed = false;
    let files = Promise.resolve();
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      // Stop parsing; what is left of the body is read and dropped so the answer can still be sent.
      req.unpipe(parser);
      req.resume();
      reject(e);
    };
    const countBytes = (n: number) => {
      total += n;
      if (total > limits.maxBytes)
        throw new MultipartError('(body)', `the upload is larger than ${limits.maxBytes.toLocaleString('en-US')} bytes`);
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(new MultipartError(name, `${name} is too long`));
      else fields[name] = value;
    });
    parser.on('file', (name, stream: Readable & { truncated?: boolean }) => {
      // Files arrive one after another; each is read to its end before busboy goes on.
      files = files.then(async () => {
        if (failed) {
          stream.resume();
          return;
        }
        await onFile(name, stream, countBytes);
        if (stream.truncated)
          throw new MultipartError('(body)', `the upload is larger than ${limits.maxBytes.toLocaleString('en-US')} bytes`);
      });
      files.catch((e: unknown) => {
        stream.resume();
        fail(e);
      });
    });
    parser.on('filesLimit', () => fail(new MultipartError('(body)', `at most ${limits.maxFiles} files per upload`)));
    parser.on('error', (e: Error) => fail(new MultipartError('(body)', `not a readable multipart body (${e.message})`)));
    parser.on('close', () => {
      files.then(
        () => (failed ? undefined : resolve(fields)),
        () => undefined,
      );
    });
    req.on('error', fail);
    req.pipe(parser);
  });
}
