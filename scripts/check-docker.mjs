#!/usr/bin/env node
// No Docker engine runs here, but the compose client parses and validates the file without one.
// Part of `npm test`: the compose file must stay valid; skipped (and said so) where no client exists.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'docker', 'compose.yaml');
const candidates = [
  ['docker', ['compose', '-f', file, '--profile', 'gpu', 'config', '-q']],
  ['docker-compose', ['-f', file, '--profile', 'gpu', 'config', '-q']],
];
for (const [cmd, args] of candidates) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || /unknown command|is not a docker command|unknown shorthand flag/.test(r.stderr)) continue;
  if (r.status !== 0) {
    console.error(`docker/compose.yaml is invalid (${cmd}):\n${r.stderr}`);
    process.exit(1);
  }
  console.log(`docker/compose.yaml: valid (${cmd} config)`);
  process.exit(0);
}
console.log('docker/compose.yaml: not validated (no docker compose client on this machine)');
