// `pnpm bench` (issue #12): runs every package's bench one after another, passing their output
// through, and gathers the BENCH_ROW lines they print into one table with the goal beside each
// value, printed at the end and written to .data/bench-report.md (the README's Performance
// section is copied from it). Benches never fail on a missed goal: they measure.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const root = join(import.meta.dirname, '..');
// The shared package's built entry (bootstrap builds every package before benching).
const { BENCH_ROW_PREFIX, ZBenchRow, benchRowMet } = createRequire(import.meta.url)(join(root, 'packages', 'shared'));

const [pnpm, ...pnpmArgs] = process.argv.slice(2);
const rows = [];
const child = spawn(pnpm, [...pnpmArgs, '-r', '--workspace-concurrency=1', 'bench'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
let tail = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const lines = (tail + chunk.toString('utf8')).split('\n');
  tail = lines.pop();
  for (const line of lines) {
    const at = line.indexOf(BENCH_ROW_PREFIX);
    if (at === -1) continue;
    const parsed = ZBenchRow.safeParse(JSON.parse(line.slice(at + BENCH_ROW_PREFIX.length)));
    if (parsed.success) rows.push(parsed.data);
  }
});
const code = await new Promise((resolve) => child.on('close', resolve));

const fmt = (v) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : Number(v.toPrecision(3)).toString());
const goalText = (g) => (g === undefined ? '' : 'max' in g ? `≤ ${fmt(g.max)}` : `≥ ${fmt(g.min)}`);
const verdict = (r) => ({ true: 'met', false: 'missed', undefined: '' })[String(benchRowMet(r))];
const cpu = cpus();
const machine = `${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const table = [
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}.`,
  '',
  '| group | measurement | value | goal | | note |',
  '|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.group} | ${r.name} | ${fmt(r.value)} ${r.unit} | ${goalText(r.goal)} ${r.goal ? r.unit : ''} | ${verdict(r)} | ${r.note ?? ''} |`,
  ),
].join('\n');
mkdirSync(join(root, '.data'), { recursive: true });
writeFileSync(join(root, '.data', 'bench-report.md'), `${table}\n`);
console.log(`\n${table}\n\n(written to .data/bench-report.md)`);
process.exit(code ?? 1);
