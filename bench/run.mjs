// Benchmarks: totp-lab against its peers on the same inputs, in the same run. Reports medians.
import os from 'node:os';
import { TOTP, Secret } from 'otpauth';
import { generateCode, verifyCode } from '../dist/index.js';

const json = process.argv.includes('--json');
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const otpSecret = Secret.fromBase32(SECRET);

/** ops/s of `fn`, median of `runs` runs of ~200 ms each. */
function measure(fn, runs = 5) {
  for (let i = 0; i < 2000; i++) fn(i); // warm-up
  const rates = [];
  for (let r = 0; r < runs; r++) {
    let n = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0n;
    while (elapsed < 200_000_000n) {
      for (let i = 0; i < 1000; i++) fn(n++);
      elapsed = process.hrtime.bigint() - start;
    }
    rates.push((n * 1e9) / Number(elapsed));
  }
  return rates.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const rows = [];
const time = (i) => 1_700_000_000_000 + i * 30_000;
rows.push({ case: 'generate SHA1', subject: 'totp-lab generateCode', ops: measure((i) => generateCode(SECRET, { time: time(i) })) });
rows.push({ case: 'generate SHA1', subject: 'otpauth TOTP.generate', ops: measure((i) => TOTP.generate({ secret: otpSecret, timestamp: time(i) })) });
rows.push({ case: 'verify ±1 miss', subject: 'totp-lab verifyCode', ops: measure((i) => verifyCode(SECRET, '000000', { time: time(i) })) });
rows.push({ case: 'verify ±1 miss', subject: 'otpauth TOTP.validate', ops: measure((i) => TOTP.validate({ token: '000000', secret: otpSecret, timestamp: time(i), window: 1 })) });

for (const row of rows) {
  const peer = rows.find((r) => r.case === row.case && r !== row);
  row.ratio = row.subject.startsWith('totp-lab') && peer ? row.ops / peer.ops : null;
}
if (json) {
  console.log(JSON.stringify({ cores: os.cpus().length, node: process.version, rows }, null, 2));
} else {
  console.log(`node ${process.version}, ${os.cpus().length} cores; medians of 5 runs`);
  for (const r of rows) console.log(`${r.case.padEnd(16)} ${r.subject.padEnd(24)} ${Math.round(r.ops).toLocaleString('en').padStart(12)} ops/s${r.ratio ? `  ×${r.ratio.toFixed(2)} vs peer` : ''}`);
}
