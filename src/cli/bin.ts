// The executable: wires the CLI to this process's streams and exit code.
import { createInterface } from 'node:readline';
import { run } from './main.js';

run(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  isTty: Boolean(process.stdout.isTTY),
  lines: () => createInterface({ input: process.stdin, terminal: false }),
}).then((code) => {
  process.exitCode = code;
});
