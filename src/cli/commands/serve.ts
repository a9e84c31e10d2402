import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseInteger } from '../args.js';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../io.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the browser demo page on this machine',
  help: `Usage: totp-lab serve [--port <n>] [--host <address>] [--state <file>]

Serves the browser demo (the simulated Ügyfélkapu+ site and phones side by
side) and prints its local address. Everything runs in the page; the server
only hands out its files, with a Content-Security-Policy that lets the page
load nothing from elsewhere and send nothing anywhere. Stop it with Ctrl+C.

With --state, the page also keeps its state (accounts, phones, clock) in
that file through this server, so a trainer's setup survives a browser reset
and a second window (the projector) opens the same state after a reload; the
page may then talk to this server, and only to it. A damaged state file stops
the server (exit 2); it is never reset.

Options:
  --port <n>          TCP port (default 6238; 0 picks a free one)
  --host <address>    address to listen on (default 127.0.0.1: this machine
                      only; anything else exposes the demo to the network)
  --root <dir>        serve another directory (default: the built page)
  --state <file>      keep the page's state in this file (created if missing)
  -h, --help          show this help

Example:
  totp-lab serve --port 8080
  totp-lab serve --state training.json`,
  async run(args: string[], io: CliIo) {
    const { values } = parse('serve', args, { port: { type: 'string' }, host: { type: 'string' }, root: { type: 'string' }, state: { type: 'string' } }, { min: 0, max: 0 });
    if (values.help) return io.out(this.help), EXIT_OK;
    const port = values.port === undefined ? undefined : parseInteger(values.port, 'port');
    if (port !== undefined && port > 65_535) throw new UsageError(`--port must be from 0 to 65535, got ${port}`);
    const host = values.host ?? '127.0.0.1';
    // The built CLI sits next to the built page: dist/cli.js and dist/web/.
    const root = values.root ?? fileURLToPath(new URL('./web/', import.meta.url));
    const { serveStatic } = await import('../../node/serve.js');
    if (values.state === '') throw new UsageError('--state must be a file path, got ""');
    const server = await serveStatic({ root, host, ...(port !== undefined && { port }), ...(values.state !== undefined && { state: values.state }) });
    io.out(`totp-lab browser demo: ${server.url}`);
    if (values.state !== undefined) io.out(`State kept in ${resolve(values.state)}`);
    if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') io.err('warning: listening beyond this machine; anyone who can reach it can use the demo');
    io.out('Press Ctrl+C to stop.');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    return EXIT_OK;
  },
};
