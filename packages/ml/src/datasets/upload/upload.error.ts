/**
 * A dataset upload that cannot be used, with a message naming the file and what is wrong in it
 * (the API answers it as a 400 and keeps nothing). Anything else thrown while decoding is a bug.
 */
export class UploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UploadError';
  }
}
