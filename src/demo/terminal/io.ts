/**
 * What the terminal walkthrough needs from its host: where lines go and where typed lines come
 * from. The command line hands it its own streams (any object of this shape will do), so the demo
 * depends on no part of the CLI and could run under another host, such as a test or a web terminal.
 */
export interface DemoIo {
  /** Prints one line for the person playing. */
  out(line: string): void;
  /** Prints one line of complaint (the host decides where). */
  err(line: string): void;
  /** Lines typed by the person; absent when there is no input. */
  lines?: () => AsyncIterable<string>;
  /** Shows a prompt before the next line is read. */
  prompt?: (text: string) => void;
}

/** How a walkthrough ended: played until `quit` or the end of input, or not started without input. */
export type DemoOutcome = 'played' | 'no-input';
