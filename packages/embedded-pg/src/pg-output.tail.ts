import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';

/**
 * Forwards a child's output line by line and keeps the last lines, so a failure can say what
 * the process printed (initdb and postgres explain their errors there).
 */
export class OutputTail {
  private readonly lines: string[] = [];

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly keep = 40,
  ) {}

  follow(stream: Readable | null): void {
    if (!stream) return;
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      this.lines.push(line);
      if (this.lines.length > this.keep) this.lines.shift();
      this.onLine(line);
    });
  }

  toString(): string {
    return this.lines.join('\n');
  }
}
