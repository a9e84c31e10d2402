// The executable: wires the CLI to this process's streams and exit code.
import { createInterface } from 'node:readline';
import { run } from './main.js';

// A closed pipe (`totp-lab demo | head`) ends the output quietly, as command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

run(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  isTty: Boolean(process.stdout.isTTY),
  lines: () => createInterface({ input: process.stdin, terminal: false }),
}).then((code) => {
  process.exitCode = code;
});
