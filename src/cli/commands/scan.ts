import { parse } from '../args.js';
import { EXIT_NO, EXIT_OK, UsageError, type CliIo, type Command } from '../io.js';

const CONTENTS = ['any', 'key-uri', 'migration', 'otpauth'] as const;

export const scanCommand: Command = {
  name: 'scan',
  summary: 'read the QR codes in a PNG or JPEG image file',
  help: `Usage: totp-lab scan <image-file> [--all] [--expect KIND] [--json]

Reads the QR code in a PNG or JPEG file (recognised by its content, not its
name) with ZXing-C++ (jsQR where WebAssembly is unavailable) and prints the
text it holds. Exit 0 when a code is found, 1 when the image holds none, 2
when the file is missing or not a readable image, or when --expect is given
and the codes found hold something else.

Options:
  --all               print every code in the picture, one per line (a
                      screenshot with several transfer batches, say), top to
                      bottom, left to right
  --expect KIND       what the code must hold: any (default), key-uri
                      (otpauth://), migration (otpauth-migration://) or
                      otpauth (either); other codes are refused
  --json              print { "text": "…" } (text is null when none is
                      found), or { "texts": [ … ] } with --all
  -h, --help          show this help

Examples:
  totp-lab scan setup.png
  totp-lab scan transfer-screenshot.png --all --expect migration`,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parse(
      'scan',
      args,
      { json: { type: 'boolean' }, all: { type: 'boolean' }, expect: { type: 'string' } },
      { min: 1, max: 1 },
    );
    if (values.help) return (io.out(this.help), EXIT_OK);
    const expect = (values.expect ?? 'any') as (typeof CONTENTS)[number];
    if (!CONTENTS.includes(expect))
      throw new UsageError(
        `scan: --expect must be one of ${CONTENTS.join(', ')}, got ${JSON.stringify(values.expect)}`,
      );
    // The image decoders and the QR reader load here, not at start-up, so other commands stay quick to start.
    const { readImageFile } = await import('../../node/image-file.js');
    const { scanQrAll } = await import('../../qr/scan.js');
    const texts = await scanQrAll(await readImageFile(positionals[0]!), { expect });
    if (values.all) {
      if (values.json) io.out(JSON.stringify({ texts }));
      else io.out(texts.length === 0 ? 'no QR code found' : texts.join('\n'));
    } else {
      const text = texts[0] ?? null;
      if (values.json) io.out(JSON.stringify({ text }));
      else io.out(text ?? 'no QR code found');
    }
    return texts.length === 0 ? EXIT_NO : EXIT_OK;
  },
};
