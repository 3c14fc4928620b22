import { describe, expect, it } from 'vitest';
import { distinctiveNames } from './compare-names';

describe('distinctiveNames', () => {
  it('drops a sweep name shared by every run, and the fields they share at the end', () => {
    expect(distinctiveNames(['rnn-study · model=lstm hiddenSize=128', 'rnn-study · model=gru hiddenSize=256'])).toEqual([
      'model=lstm hiddenSize=128',
      'model=gru hiddenSize=256',
    ]);
    expect(distinctiveNames(['rnn-study · model=lstm hiddenSize=128', 'rnn-study · model=gru hiddenSize=128'])).toEqual([
      'model=lstm …',
      'model=gru …',
    ]);
  });

  it('cuts only at separators and keeps names without a long shared prefix', () => {
    expect(distinctiveNames(['lstm-128', 'lstm-256'])).toEqual(['lstm-128', 'lstm-256']);
    expect(distinctiveNames(['study a 1', 'study a 2'])).toEqual(['1', '2']);
    expect(distinctiveNames(['only'])).toEqual(['only']);
    expect(distinctiveNames(['ab x', 'ab y'])).toEqual(['ab x', 'ab y']);
  });

  it('drops a shared ending too, so the differing middle shows', () => {
    expect(distinctiveNames(['lenet lr=0.01 cifar gray28 final', 'lenet lr=0.1 cifar gray28 final'])).toEqual(['lr=0.01 …', 'lr=0.1 …']);
    expect(distinctiveNames(['LSTM-1024 on full mnist', 'LeNet-mnist on full mnist'])).toEqual(['LSTM-1024 …', 'LeNet-mnist …']);
    // A shared ending inside a word is kept: "1024" and "24" end alike, but nothing is cut.
    expect(distinctiveNames(['lstm-1024', 'gru-24'])).toEqual(['lstm-1024', 'gru-24']);
  });

  it('keeps a name that is the whole shared prefix', () => {
    expect(distinctiveNames(['sweep · a', 'sweep · '])).toEqual(['a', 'sweep · ']);
  });
});
