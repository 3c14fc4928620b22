import { describe, expect, it } from 'vitest';
import { ApiError, ApiUnreachableError } from './api-client';
import { placeFieldErrors } from './field-errors';

const FIELDS = ['email', 'password'] as const;

describe('placeFieldErrors', () => {
  it('puts a 400 message beside its field, the first one per field', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Invalid sign-in: …', [
      { path: 'email', message: 'email must be an email address' },
      { path: 'email', message: 'second' },
      { path: 'password', message: 'password is required' },
    ]);
    expect(placeFieldErrors(error, FIELDS)).toEqual({
      fields: { email: 'email must be an email address', password: 'password is required' },
    });
  });

  it('gives messages for other paths to the form', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Invalid', [
      { path: 'email', message: 'bad' },
      { path: '', message: 'give role, disabled or password' },
      { path: 'extra', message: 'is not allowed' },
    ]);
    expect(placeFieldErrors(error, FIELDS)).toEqual({
      fields: { email: 'bad' },
      form: 'give role, disabled or password; extra: is not allowed',
    });
  });

  it("shows the API's message for errors without field details (401, 409, 429)", () => {
    expect(placeFieldErrors(new ApiError(401, 'INVALID_CREDENTIALS', 'Wrong email or password.'), FIELDS)).toEqual({
      fields: {},
      form: 'Wrong email or password.',
    });
    expect(placeFieldErrors(new ApiError(409, 'LAST_ADMIN', 'This is the last active admin.', { userId: 'u' }), FIELDS).form).toBe(
      'This is the last active admin.',
    );
  });

  it('says the API is unreachable, or passes any other error on', () => {
    expect(placeFieldErrors(new ApiUnreachableError('http://h:4000', new TypeError('x')), FIELDS).form).toBe(
      'Cannot reach the API at http://h:4000. Is the API running?',
    );
    expect(placeFieldErrors(new Error('boom'), FIELDS)).toEqual({ fields: {}, form: 'boom' });
  });
});
