import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_LINE, splitLines } from './output-lines.split';

describe('splitLines', () => {
  it('joins chunks into lines, drops blank ones and flushes the tail at the end', async () => {
    const stream = new PassThrough();
    const lines: string[] = [];
    splitLines(stream, (l) => lines.push(l));
    stream.write('first li');
    stream.write('ne\r\n\n  \nsecond\nthi');
    stream.end('rd');
    await new Promise((r) => stream.on('end', r));
    expect(lines).toEqual(['first line', 'second', 'third']);
  });

  it('cuts a runaway line and says how much was cut', async () => {
    const stream = new PassThrough();
    const lines: string[] = [];
    splitLines(stream, (l) => lines.push(l));
    stream.end(`${'x'.repeat(MAX_LINE + 5)}\n`);
    await new Promise((r) => stream.on('end', r));
    expect(lines).toEqual([`${'x'.repeat(MAX_LINE)}… (5 more characters)`]);
  });
});
