/** What a command may touch: its output streams and environment, passed in so tests run it in-process. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
  /** True when stdout is a terminal (colours, QR codes sized for a screen). */
  isTty: boolean;
  /** True when standard input is a terminal too (a person who can press Enter). */
  inputIsTty?: boolean;
  /** Lines typed on standard input, for interactive commands; absent when there is no input. */
  lines?: () => AsyncIterable<string>;
  /** Shows a prompt before the next line is read (on a terminal: with line editing and history). */
  prompt?: (text: string) => void;
}

/** Exit codes: 0 success, 1 a negative answer (invalid code, no QR found), 2 bad usage or input. */
export const EXIT_OK = 0;
export const EXIT_NO = 1;
export const EXIT_USAGE = 2;

/** Bad usage: the message is printed as one line on stderr and the process exits 2. */
export class UsageError extends Error {
  override name = 'UsageError' as const;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full `--help` text. */
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}
