/**
 * A QR code as text for a terminal: each character cell shows two modules, one above the other,
 * with the Unicode half blocks ▀ ▄ █. Terminals draw cells about twice as tall as wide, so the
 * modules come out square.
 */
import type { QrMatrix } from './matrix.js';

/** ECMA-48 SGR: black foreground (30) on white background (47), and reset (0). */
const BLACK_ON_WHITE = '\u001b[30;47m';
const RESET = '\u001b[0m';
/** Cell characters by [upper inked][lower inked]. */
const CELLS = [
  [' ', '\u2584'], // neither, lower ▄
  ['\u2580', '\u2588'], // upper ▀, both █
] as const;

export interface TerminalOptions {
  /** Quiet-zone width in modules. */
  margin: number;
  /**
   * true: explicit black-on-white colours, so the code reads the same on dark and light themes.
   * false (for NO_COLOR): no escape codes; the characters are drawn in the terminal's own
   * foreground colour.
   */
  color: boolean;
  /**
   * Without colours: when false (the default), the characters ink the light modules and the quiet
   * zone, which is right on the usual light-on-dark terminal; a light-background terminal then shows
   * the code inverted (scanQr and most phone apps still read it). true inks the dark modules instead.
   */
  invert: boolean;
}

/**
 * Draws the matrix as lines of text (joined with "\n", no trailing newline).
 */
export function toTerminalText(matrix: QrMatrix, options: TerminalOptions): string {
  const { size, dark } = matrix;
  const { margin, color } = options;
  const total = size + 2 * margin;
  // With explicit colours the foreground is black, so the ink is the dark modules.
  const inkDark = color || options.invert;
  const inked = (row: number, column: number): 0 | 1 => {
    const r = row - margin;
    const c = column - margin;
    const isDark = r >= 0 && r < size && c >= 0 && c < size && dark[r * size + c] === 1;
    return isDark === inkDark ? 1 : 0;
  };
  const lines: string[] = [];
  // An odd number of rows leaves the last cell row with a lower half of quiet zone.
  for (let row = 0; row < total; row += 2) {
    let line = '';
    for (let column = 0; column < total; column++) {
      const lower = row + 1 < total ? inked(row + 1, column) : inkDark ? 0 : 1;
      line += CELLS[inked(row, column)][lower];
    }
    lines.push(color ? `${BLACK_ON_WHITE}${line}${RESET}` : line);
  }
  return lines.join('\n');
}
