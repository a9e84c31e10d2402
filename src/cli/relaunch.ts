/**
 * `totp-lab serve` runs in a Node process started with SERVER_NODE_OPTIONS (a larger young
 * generation; see ../node/server-heap.ts), which only a new process can have. This process then
 * starts the server as its child and stands in for it: the child shares its standard streams and
 * gets the signals sent here (Ctrl+C, a supervisor's SIGTERM), and this process exits with the
 * child's code. A child whose parent has gone without passing a signal on (SIGKILL) shuts down as
 * on SIGTERM, told by the end of the IPC channel between them.
 */
import { createRequire } from 'node:module';
import { SERVER_NODE_OPTIONS, needsServerNodeOptions, nodeOptionsOf } from '../node/server-heap.js';

const require = createRequire(import.meta.url);
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const startsServer = (argv: readonly string[]) =>
  argv[0] === 'serve' && !argv.includes('--help') && !argv.includes('-h');

/**
 * True when `argv` starts the server in a process without the server's Node options. Not under a
 * debugger (an --inspect option): the server then stays in the process being debugged.
 */
export function shouldRelaunch(
  argv: readonly string[],
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string | undefined = process.env['NODE_OPTIONS'],
): boolean {
  const given = nodeOptionsOf(execArgv, nodeOptions);
  return startsServer(argv) && !given.some((o) => o.startsWith('--inspect')) && needsServerNodeOptions(given);
}

/** Runs `script argv` in a child Node process with the server's Node options, and follows it. */
export function relaunch(script: string, argv: readonly string[]): void {
  const { spawn } = require('node:child_process') as typeof import('node:child_process');
  const child = spawn(process.execPath, [...process.execArgv, ...SERVER_NODE_OPTIONS, script, ...argv], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    // In a process group of its own, the child gets Ctrl+C once, from here; from the terminal as
    // well, the second could end it while it closes. (On Windows a detached child would get a
    // console window of its own.)
    detached: process.platform !== 'win32',
  });
  for (const signal of FORWARDED) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`totp-lab: could not start the server process: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    // node:os only here: every other command starts without it.
    const { constants } = require('node:os') as typeof import('node:os');
    process.exit(code ?? 128 + (signal === null ? 0 : constants.signals[signal]));
  });
}

/** In a server started by {@link relaunch}: shut down as on SIGTERM once the parent is gone. */
export function followParent(argv: readonly string[]): void {
  const channel = process.channel;
  if (channel === undefined || !startsServer(argv)) return;
  // The channel alone must not keep this process alive (after a refused argument, say).
  channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
