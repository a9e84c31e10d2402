import { ERROR_CORRECTION_LEVELS, type ErrorCorrection } from '../../qr/error-correction.js';
import { parse, quoteArg } from '../args.js';
import { wantsColor } from '../../demo/terminal/style.js';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../io.js';

export const qrCommand: Command = {
  name: 'qr',
  summary: 'draw a text (usually a key URI) as a QR code in the terminal or to a PNG/SVG file',
  help: `Usage: totp-lab qr <text> [options]

Draws <text> as a QR code: in the terminal (black on white, so it scans on
dark and light themes), or with --out as a PNG or SVG file.

Options:
  --out <file>               write a .png or .svg file instead
  --error-correction <level> L, M, Q or H (default M)
  --no-color                 terminal: no colour codes (also when NO_COLOR is set
                             or the output is not a terminal); the code then
                             reads correctly on dark backgrounds
  -h, --help                 show this help

Examples:
  totp-lab qr "$(totp-lab uri --account kovacs.janos --issuer 'Ügyfélkapu+')"
  totp-lab qr otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP --out setup.png`,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parse(
      'qr',
      args,
      {
        out: { type: 'string' },
        'error-correction': { type: 'string' },
        'no-color': { type: 'boolean' },
      },
      { min: 1, max: 1 },
    );
    if (values.help) return (io.out(this.help), EXIT_OK);
    const text = positionals[0]!;
    const errorCorrection = readLevel(values['error-correction']);
    // The QR libraries load here, not at start-up, so other commands stay quick to start.
    if (values.out !== undefined) {
      if (!/\.(png|svg)$/i.test(values.out))
        throw new UsageError(`qr: --out must end in .png or .svg, got ${quoteArg(values.out)}`);
      const { writeQrFile } = await import('../../node/image-file.js');
      await writeQrFile(values.out, text, { errorCorrection });
      io.out(`wrote ${values.out}`);
      return EXIT_OK;
    }
    const { renderQr } = await import('../../qr/render.js');
    // Colour codes only on a terminal: piped or redirected output stays plain text.
    const color = wantsColor(values['no-color'] ? false : undefined, io.env, io.isTty);
    io.out(renderQr(text, { format: 'terminal', errorCorrection, color }));
    return EXIT_OK;
  },
};

function readLevel(text: string | undefined): ErrorCorrection {
  if (text === undefined) return 'M';
  const level = text.toUpperCase();
  if ((ERROR_CORRECTION_LEVELS as readonly string[]).includes(level)) return level as ErrorCorrection;
  throw new UsageError(`--error-correction must be L, M, Q or H, got ${quoteArg(text)}`);
}
