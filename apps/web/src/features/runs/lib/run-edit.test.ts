import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { addTag, updateErrorText } from './run-edit';

describe('addTag', () => {
  it('appends a trimmed tag', () => {
    expect(addTag(['baseline'], '  lr sweep ')).toEqual({ ok: true, added: 'lr sweep' });
  });

  it('says why a tag is refused, by the API’s own rules', () => {
    expect(addTag(['Baseline'], 'baseline')).toEqual({ ok: false, message: 'tag "baseline" is listed twice' });
    expect(addTag([], '')).toEqual({ ok: false, message: 'a tag must not be blank' });
    expect(addTag([], '<b>')).toMatchObject({ ok: false, message: expect.stringMatching(/^a tag starts with a letter or digit/) });
    expect(
      addTag(
        Array.from({ length: 20 }, (_, i) => `t${i}`),
        'one more',
      ),
    ).toEqual({ ok: false, message: 'at most 20 tags per run' });
  });
});

describe('updateErrorText', () => {
  it('words a 400 by its fields and other refusals by their message', () => {
    const invalid = new ApiError(400, 'VALIDATION_FAILED', 'invalid run update', [{ path: 'name', message: 'name must not be blank' }]);
    expect(updateErrorText(invalid)).toBe('name: name must not be blank');
    expect(updateErrorText(new ApiError(403, 'FORBIDDEN', 'Only the owner'))).toBe('Only the owner');
  });
});
