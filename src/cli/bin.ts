// The executable: wires the CLI to this process's streams and exit code.
import { createInterface, type Interface } from 'node:readline';
import { run } from './main.js';

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
  inputIsTty: Boolean(process.stdin.isTTY),
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
