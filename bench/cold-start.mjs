// (5) Cold start: the whole `totp-lab code <secret>` process against an empty `node -e 0`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './measure.mjs';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

function wallMs(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return ms;
}

/** Median wall-clock ms of each process over `runs` interleaved runs, and their ratio. */
export function benchColdStart({ runs = 15 } = {}) {
  const subjects = { 'node -e 0': ['-e', '0'], 'totp-lab code <secret>': [CLI, 'code', SECRET] };
  const times = { 'node -e 0': [], 'totp-lab code <secret>': [] };
  for (const args of Object.values(subjects)) wallMs(args); // file cache warm-up
  for (let r = 0; r < runs; r++) {
    for (const [name, args] of Object.entries(subjects)) times[name].push(wallMs(args));
  }
  const baseline = median(times['node -e 0']);
  const cli = median(times['totp-lab code <secret>']);
  return { runs, nodeMs: baseline, cliMs: cli, ratio: cli / baseline };
}
