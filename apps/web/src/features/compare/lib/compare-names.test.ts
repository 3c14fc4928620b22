import { describe, expect, it } from 'vitest';
import { distinctiveNames } from './compare-names';

describe('distinctiveNames', () => {
  it('drops a sweep name shared by every run', () => {
    expect(distinctiveNames(['rnn-study · model=lstm hiddenSize=128', 'rnn-study · model=gru hiddenSize=128'])).toEqual([
      'model=lstm hiddenSize=128',
      'model=gru hiddenSize=128',
    ]);
  });

  it('cuts only at separators and keeps names without a long shared prefix', () => {
    expect(distinctiveNames(['lstm-128', 'lstm-256'])).toEqual(['lstm-128', 'lstm-256']);
    expect(distinctiveNames(['study a 1', 'study a 2'])).toEqual(['1', '2']);
    expect(distinctiveNames(['only'])).toEqual(['only']);
    expect(distinctiveNames(['ab x', 'ab y'])).toEqual(['ab x', 'ab y']);
  });

  it('keeps a name that is the whole shared prefix', () => {
    expect(distinctiveNames(['sweep · a', 'sweep · '])).toEqual(['a', 'sweep · ']);
  });
});
