// The executable: wires the CLI to this process's streams and exit code.
import { createRequire } from 'node:module';
import type { Interface } from 'node:readline';
import { run } from './main.js';

// node:readline and process.stdin are set up only when a command reads input: a one-shot command
// such as `totp-lab code` starts faster without them.
const require = createRequire(import.meta.url);

// A closed pipe (`totp-lab demo | head`) ends the output quietly, as command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// While reading what a person types, Ctrl+C leaves at once and quietly, with the shell's usual
// code for it (128 + SIGINT). Other commands (serve) keep their own handling.
const interrupted = () => {
  process.stdout.write('\n');
  process.exit(130);
};

// One line reader for the whole run: on a terminal it edits lines and keeps a history (up arrow).
let reader: Interface | undefined;
const lineReader = () => {
  if (!reader) {
    const terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY);
    const { createInterface } = require('node:readline') as typeof import('node:readline');
    reader = createInterface({ input: process.stdin, output: process.stdout, terminal, historySize: 200 });
    reader.on('SIGINT', interrupted);
    process.on('SIGINT', interrupted);
  }
  return reader;
};

run(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  isTty: Boolean(process.stdout.isTTY),
  get inputIsTty() {
    return Boolean(process.stdin.isTTY);
  },
  lines: lineReader,
  prompt: (text) => {
    const r = lineReader();
    r.setPrompt(text);
    r.prompt();
  },
}).then((code) => {
  process.exitCode = code;
  reader?.close();
});
