import type { Readable } from 'node:stream';

/** Longest line kept: a runaway print (a tensor dumped whole) must not become one huge log row. */
export const MAX_LINE = 2_000;

/**
 * Calls `onLine` with each complete, non-blank line of a text stream (a worker thread's stdout or
 * stderr), without the line break; a line longer than MAX_LINE is cut and marked. The unfinished
 * tail is kept until its line break arrives or the stream ends.
 */
export function splitLines(stream: Readable, onLine: (line: string) => void): void {
  let tail = '';
  const emit = (line: string) => {
    const text = line.replace(/\r$/, '');
    if (text.trim() === '') return;
    onLine(text.length > MAX_LINE ? `${text.slice(0, MAX_LINE)}… (${text.length - MAX_LINE} more characters)` : text);
  };
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (tail + chunk).split('\n');
    tail = parts.pop()!;
    for (const part of parts) emit(part);
  });
  stream.on('end', () => {
    if (tail !== '') emit(tail);
    tail = '';
  });
}
