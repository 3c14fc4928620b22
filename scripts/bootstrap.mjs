#!/usr/bin/env node
// Entry point of `npm start` and `npm test` on a machine that has only Node and npm.
// It installs the pinned pnpm into .tools/ (from the npm registry, once), installs the
// workspace, builds it, and hands over to the real command. No global installs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager; // "pnpm@x.y.z"
const version = pinned.split('@')[1];
const toolsDir = join(root, '.tools');
const pnpmBin = join(toolsDir, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env } });
  if (r.status !== 0) {
    console.error(`\n[tensorscope] "${cmd} ${args.join(' ')}" failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
}

function installedPnpmVersion() {
  try {
    return JSON.parse(readFileSync(join(toolsDir, 'node_modules', 'pnpm', 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

if (installedPnpmVersion() !== version) {
  console.log(`[tensorscope] installing pnpm ${version} into .tools/`);
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', toolsDir, `pnpm@${version}`]);
}
const pnpm = (args, env) => run(process.execPath, [pnpmBin, ...args], { env });

const command = process.argv[2] ?? 'start';
// Scripts that pnpm runs call `pnpm` themselves: put the pinned one first on their PATH.
const env = { NEXT_TELEMETRY_DISABLED: '1', PATH: `${join(toolsDir, 'node_modules', '.bin')}${delimiter}${process.env.PATH}` };
pnpm(['install', '--frozen-lockfile=' + String(existsSync(join(root, 'pnpm-lock.yaml')) && !!process.env.CI)], env);
// Every command needs the packages built (the compare bench drives the real stack).
pnpm(['-r', 'build'], env);
if (command === 'start') {
  // Ctrl-C reaches the whole terminal process group: let stack.mjs shut down in order and
  // wait for it here instead of dying first and handing the prompt back mid-shutdown.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => undefined);
  run(process.execPath, [join(root, 'scripts', 'stack.mjs')], { env });
}
// test:all fails on a lint error or an unformatted file before it runs any package's tests.
else if (command === 'test') pnpm(['run', 'test:all'], env);
// Every package's bench, then one table of their rows with the goals (scripts/bench-report.mjs).
else if (command === 'bench') run(process.execPath, [join(root, 'scripts', 'bench-report.mjs'), process.execPath, pnpmBin], { env });
else {
  console.error(`unknown command ${command}; use start, test or bench`);
  process.exit(2);
}
