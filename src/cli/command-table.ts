/**
 * The commands of `totp-lab`, in the order `--help` lists them. A command is imported only when it
 * runs, so `totp-lab code` loads neither the demo, nor the export readers, nor the QR encoder.
 *
 * To add a command: write `src/cli/commands/<name>.ts` exporting a {@link Command}, and add an entry
 * here with its name, its one-line summary (the same text as the command's own `summary`; a test
 * compares them) and a `load` that imports it.
 */
import type { Command } from './io.js';

/** A command as the overview lists it, loaded on demand. */
export interface CommandEntry {
  name: string;
  /** One line for the command list. */
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'code',
    summary: 'print the current code for a secret or otpauth:// URI',
    load: async () => (await import('./commands/code.js')).codeCommand,
  },
  {
    name: 'verify',
    summary: 'check a code; exit 0 if valid, 1 if not',
    load: async () => (await import('./commands/verify.js')).verifyCommand,
  },
  {
    name: 'uri',
    summary: 'print an otpauth:// key URI (with a new secret unless one is given)',
    load: async () => (await import('./commands/uri.js')).uriCommand,
  },
  {
    name: 'inspect',
    summary: 'print the fields of an otpauth:// key URI',
    load: async () => (await import('./commands/inspect.js')).inspectCommand,
  },
  {
    name: 'qr',
    summary: 'draw a text (usually a key URI) as a QR code in the terminal or to a PNG/SVG file',
    load: async () => (await import('./commands/qr.js')).qrCommand,
  },
  {
    name: 'scan',
    summary: 'read the QR codes in a PNG or JPEG image file',
    load: async () => (await import('./commands/scan.js')).scanCommand,
  },
  {
    name: 'export',
    summary: 'write accounts as Google transfer URIs, a URI list, an Aegis vault or a 2FAS backup',
    load: async () => (await import('./commands/export.js')).exportCommand,
  },
  {
    name: 'import',
    summary: "read accounts from an authenticator app's export (Aegis, 2FAS, Bitwarden, …) or a transfer QR code",
    load: async () => (await import('./commands/import.js')).importCommand,
  },
  {
    name: 'demo',
    summary: 'walk through Ügyfélkapu+ setup and what goes wrong, on a simulated clock',
    load: async () => (await import('./commands/demo.js')).demoCommand,
  },
  {
    name: 'probe',
    summary: "audit someone else's TOTP verifier against RFC 6238, RFC 4226 and Ügyfélkapu+'s rules",
    load: async () => (await import('./commands/probe.js')).probeCommand,
  },
  {
    name: 'serve',
    summary: "serve the browser demo page (and the simulated service's HTTP API) on this machine",
    load: async () => (await import('./commands/serve.js')).serveCommand,
  },
];
