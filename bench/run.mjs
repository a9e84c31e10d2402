// Benchmarks: totp-lab against its peers on the same inputs, in the same run. Reports medians.
//   node bench/run.mjs             a table
//   node bench/run.mjs --json      machine-readable results
//   node bench/run.mjs --markdown  the table as Markdown
//   --markdown --write docs/benchmarks.md  replaces the part of that file between its bench markers
//   --accounts <n>                 accounts for the provider section (default 100 000)
// Run with --expose-gc for steadier memory figures (npm run bench does).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as lib from '../dist/index.js';
import { benchBundleSize } from './bundle-size.mjs';
import { benchCodes } from './codes.mjs';
import { benchColdStart } from './cold-start.mjs';
import { benchProvider } from './provider.mjs';
import { benchHttp } from './http.mjs';
import { httpReportRows, httpTargets } from './http-report.mjs';
import { benchServeStart } from './serve-start.mjs';
import { benchStores, dropPostgresBenchTable } from './stores.mjs';

const json = process.argv.includes('--json');
const markdown = process.argv.includes('--markdown');
const RUNS = 9;
const accountsArg = process.argv.indexOf('--accounts');
const accounts = accountsArg === -1 ? undefined : Number(process.argv[accountsArg + 1]);
const PEERS = ['otpauth', 'otplib', 'speakeasy', 'node:crypto'];

const machine = {
  node: process.version,
  cores: os.availableParallelism?.() ?? os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  platform: `${os.platform()} ${os.arch()}`,
};
const codes = benchCodes({ runs: RUNS, ms: 120 });
const provider = await benchProvider(lib, accounts === undefined ? {} : { accounts });
const scan = await scanSection();
const coldStart = benchColdStart({ runs: 21 });
const bundles = await benchBundleSize();
const stores = await benchStores(
  lib,
  await import('../dist/node.js'),
  accounts === undefined ? {} : { accounts },
).catch((e) => ({ rows: [], skipped: String(e) }));
await dropPostgresBenchTable().catch(() => undefined);
const serveStart = await benchServeStart();
const http = await benchHttp();

// Each totp-lab row against each peer measured in the same case.
for (const row of codes) {
  if (!row.subject.startsWith('totp-lab')) continue;
  row.ratios = {};
  for (const peer of codes.filter((r) => r.case === row.case && !r.subject.startsWith('totp-lab'))) {
    row.ratios[peer.subject] = row.ops / peer.ops;
  }
}
const ratio = (caseName, subject, peer) =>
  codes.find((r) => r.case === caseName && r.subject === subject)?.ratios?.[peer];
const targets = [
  [
    'generation SHA1 ≥ 3× otpauth TOTP.generate (prepared secret)',
    ratio('generate SHA1', 'totp-lab generateCode (prepared)', 'otpauth TOTP.generate'),
    3,
  ],
  [
    'same, from base32 text decoded on every call (stricter)',
    ratio('generate SHA1', 'totp-lab generateCode (base32)', 'otpauth TOTP.generate'),
    3,
  ],
  [
    'verify ±1 miss ≥ 3× otpauth TOTP.validate (prepared secret)',
    ratio('verify SHA1 ±1, wrong code', 'totp-lab verifyCode (prepared)', 'otpauth TOTP.validate'),
    3,
  ],
  [
    'same, from base32 text',
    ratio('verify SHA1 ±1, wrong code', 'totp-lab verifyCode (base32)', 'otpauth TOTP.validate'),
    3,
  ],
  [
    'verify ±1 miss ≥ 10× otplib verifySync (prepared secret)',
    ratio('verify SHA1 ±1, wrong code', 'totp-lab verifyCode (prepared)', 'otplib verifySync'),
    10,
  ],
  [
    'same, from base32 text',
    ratio('verify SHA1 ±1, wrong code', 'totp-lab verifyCode (base32)', 'otplib verifySync'),
    10,
  ],
].map(([name, value, goal]) => ({ name, value, met: value >= goal }));
if (!scan.skipped) {
  const lost = scan.successRate?.readByJsQROnlyLost ?? 0;
  targets.push({
    name: 'scanQr ≤ 0.5× plain jsQR’s time on the 720p frame, no frame lost',
    value: scan.ratio,
    met: scan.ratio <= 0.5 && lost === 0,
  });
}
if (!provider.skipped)
  targets.push({
    name: 'provider second-factor checks ≥ 100 000/s',
    value: provider.ops,
    shown: `${Math.round(provider.ops).toLocaleString('en')}/s`,
    met: provider.ops >= 100_000,
  });
const sqlite = stores.rows.find((r) => r.store === 'SQLite' && !r.skipped);
targets.push({
  name: 'SQLite durable second-factor checks ≥ 1 000/s with 100 000 accounts',
  value: sqlite?.ops,
  shown: sqlite ? `${Math.round(sqlite.ops).toLocaleString('en')}/s` : 'n/a',
  met: (sqlite?.ops ?? 0) >= 1000,
});
targets.push(...httpTargets(http, serveStart));
targets.push({
  name: 'cold start of `totp-lab code` ≤ 1.3× `node -e 0`',
  value: coldStart.ratio,
  met: coldStart.ratio <= 1.3,
});
const core = bundles.rows.find((r) => r.entry === 'totp-lab');
targets.push({
  name: '`totp-lab` ≤ 20 KB min+gzip, without qrcode or jsqr',
  value: core ? core.gzipBytes / 1024 : undefined,
  met: core !== undefined && core.gzipBytes <= 20 * 1024 && bundles.coreFreeOfQr,
});

if (json) {
  console.log(
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine,
        runs: RUNS,
        codes,
        provider,
        scan,
        coldStart,
        bundles,
        stores,
        serveStart,
        http,
        targets,
      },
      null,
      2,
    ),
  );
} else {
  print();
}

function print() {
  const n = (x) => Math.round(x).toLocaleString('en');
  const x = (r) => (r === undefined ? '' : `${r.toFixed(2)}×`);
  const lines = [];
  const table = (header, rows) => {
    if (markdown) {
      lines.push(`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
      for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
    } else {
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
      for (const row of [header, ...rows])
        lines.push(
          row
            .map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i])))
            .join('  '),
        );
    }
    lines.push('');
  };
  lines.push(
    `node ${machine.node}, ${machine.cores} cores (${machine.cpu}, ${machine.platform}); ops/s are medians of ${RUNS} interleaved runs`,
    '',
  );
  for (const caseName of [...new Set(codes.map((r) => r.case))]) {
    const rows = codes.filter((r) => r.case === caseName);
    const peers = rows.filter((r) => !r.subject.startsWith('totp-lab')).map((r) => r.subject);
    lines.push(markdown ? `**${caseName}**` : `== ${caseName}`, '');
    table(
      ['subject', 'ops/s', ...peers.map((p) => `÷ ${p.split(' ')[0]}`)],
      rows.map((r) => [r.subject, n(r.ops), ...peers.map((p) => x(r.ratios?.[p]))]),
    );
  }
  lines.push(markdown ? '**other sections**' : '== other sections', '');
  table(
    ['measure', 'result'],
    [
      [
        'provider second-factor check (verifySecondFactor)',
        provider.skipped
          ? `skipped: ${provider.skipped}`
          : `${n(provider.ops)} checks/s over ${n(provider.accounts)} accounts; ${n(provider.bytesPerAccount)} bytes of heap per enrolled account`,
      ],
      ...stores.rows.map((r) => [
        `durable second-factor checks, ${r.store}`,
        r.skipped
          ? `skipped: ${r.skipped}`
          : `${r.ops < 10 ? r.ops.toFixed(2) : n(r.ops)} checks/s over ${n(r.accounts)} accounts (${r.concurrency} in flight)${stores.rows[0]?.ops ? `: ${x(r.ops / stores.rows[0].ops)} of MemoryStore` : ''}`,
      ]),
      ...httpReportRows(http, serveStart),
      [
        'scanQr vs plain jsQR, 1280×720 frame',
        scan.skipped
          ? `skipped: ${scan.skipped}`
          : `${scan.scanQrMs.toFixed(1)} ms vs ${scan.jsQRMs.toFixed(1)} ms: ${x(scan.ratio)} of jsQR's time; test frames read ${scan.successRate?.scanQr}/${scan.successRate?.frames} (jsQR ${scan.successRate?.jsQR}/${scan.successRate?.frames})`,
      ],
      [
        `cold start, median of ${coldStart.runs}`,
        `totp-lab code ${coldStart.cliMs.toFixed(1)} ms, node -e 0 ${coldStart.nodeMs.toFixed(1)} ms: ${x(coldStart.ratio)}`,
      ],
      ...bundles.rows.map((r) => [
        `${r.entry} for ${r.platform === 'browser' ? 'the browser' : 'Node only'}, min+gzip`,
        `${(r.gzipBytes / 1024).toFixed(1)} KB (${(r.bytes / 1024).toFixed(1)} KB min)${r.packages.length ? `; bundles ${r.packages.join(', ')}` : ''}`,
      ]),
      ...(bundles.imports ?? []).map((r) => [
        `an app importing ${r.names.join(', ')} from totp-lab (${r.name}), min+gzip`,
        `${(r.gzipBytes / 1024).toFixed(1)} KB (${(r.bytes / 1024).toFixed(1)} KB min)`,
      ]),
      ['totp-lab contains qrcode or jsqr', bundles.coreFreeOfQr ? 'no' : `YES: ${bundles.qrInCore.join(', ')}`],
    ],
  );
  lines.push(markdown ? '**targets**' : '== targets', '');
  const shown = (t) =>
    t.shown ?? (t.value === undefined ? 'n/a' : t.name.includes('KB') ? `${t.value.toFixed(1)} KB` : x(t.value));
  table(
    ['target', 'measured', 'met'],
    targets.map((t) => [t.name, shown(t), t.met ? 'yes' : 'NO']),
  );
  const text = lines.join('\n').trimEnd();
  const writeArg = process.argv.indexOf('--write');
  if (markdown && writeArg !== -1)
    writeBetweenMarkers(process.argv[writeArg + 1], `Measured on ${new Date().toISOString().slice(0, 10)}: ${text}`);
  else console.log(text);
}

/** Replaces what stands between `<!-- bench:start -->` and `<!-- bench:end -->` in `file`. */
function writeBetweenMarkers(file, text) {
  const START = '<!-- bench:start -->';
  const END = '<!-- bench:end -->';
  const doc = readFileSync(file, 'utf8');
  const from = doc.indexOf(START);
  const to = doc.indexOf(END);
  if (from === -1 || to < from) throw new Error(`${file} has no ${START} … ${END} markers`);
  writeFileSync(file, `${doc.slice(0, from + START.length)}\n${text}\n${doc.slice(to)}`);
  console.log(`wrote the results into ${file}`);
}

/**
 * (4) scanQr against plain jsQR, measured by bench/scan.mjs. It needs the
 * totp-lab/qr build, so it is loaded only when dist/qr.js exists. A failure is reported, not thrown.
 */
async function scanSection() {
  if (!existsSync(new URL('../dist/qr.js', import.meta.url)))
    return { skipped: 'dist/qr.js (totp-lab/qr) is not built' };
  if (!existsSync(new URL('./scan.mjs', import.meta.url))) return { skipped: 'bench/scan.mjs is missing' };
  try {
    const { benchScan } = await import('./scan.mjs');
    return await benchScan();
  } catch (error) {
    return { skipped: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}
