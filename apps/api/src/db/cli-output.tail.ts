import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';

/**
 * Forwards a child's output line by line and keeps the last lines, so a failure can say what
 * the process printed (the Prisma CLI explains its errors there). @tensorscope/embedded-pg has
 * the same class for initdb and postgres; the API cannot import it from there because that
 * package is a dev dependency (it brings the PostgreSQL binaries, which the production image
 * leaves out), while migrations run in production.
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
