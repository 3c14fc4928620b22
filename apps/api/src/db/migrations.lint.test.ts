import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from './db.paths';

describe('committed migrations', () => {
  // Prisma's migration runner splits a script into statements at every ';', comments included:
  // a ';' in a comment turns the rest of that comment into a statement, and deploy fails.
  it('have no semicolon inside a comment', () => {
    const offending: string[] = [];
    for (const dir of readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      const lines = readFileSync(join(MIGRATIONS_DIR, dir.name, 'migration.sql'), 'utf8').split('\n');
      lines.forEach((line, i) => {
        const comment = line.indexOf('--');
        if (comment !== -1 && line.slice(comment).includes(';')) offending.push(`${dir.name}:${i + 1}`);
      });
    }
    expect(offending).toEqual([]);
  });
});
