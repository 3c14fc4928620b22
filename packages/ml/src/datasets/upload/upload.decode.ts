import type { TDatasetFormat } from '@tensorscope/shared';
import { decodeCsvUpload } from './csv-upload.decode';
import { decodeIdxUpload } from './idx-upload.decode';
import { decodeImageFolderZip } from './image-folder-zip.decode';
import type { TDecodedUpload } from './upload.types';

/** What an upload's form gave besides its files. */
export interface TUploadOptions {
  classNames?: readonly string[] | undefined;
  /** CSV only: [height, width, channels] of each row's pixels. */
  inputShape?: readonly [number, number, number] | undefined;
}

/**
 * One upload's files (by multipart field) decoded in its format: the same call when the API first
 * checks an upload and when a worker decodes the stored files into its cache, so both read the
 * same images.
 */
export function decodeUpload(format: TDatasetFormat, file: (field: string) => Uint8Array, options: TUploadOptions): TDecodedUpload {
  switch (format) {
    case 'idx':
      return decodeIdxUpload(
        {
          trainImages: file('trainImages'),
          trainLabels: file('trainLabels'),
          testImages: file('testImages'),
          testLabels: file('testLabels'),
        },
        options.classNames,
      );
    case 'csv':
      return decodeCsvUpload(
        { train: file('train'), test: file('test') },
        {
          ...(options.inputShape ? { inputShape: options.inputShape } : {}),
          ...(options.classNames ? { classNames: options.classNames } : {}),
        },
      );
    case 'image-folder-zip':
      return decodeImageFolderZip(file('archive'));
  }
}
