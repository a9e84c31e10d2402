import { parse } from '../args.js';
import { EXIT_NO, EXIT_OK, type CliIo, type Command } from '../io.js';

export const scanCommand: Command = {
  name: 'scan',
  summary: 'read the QR code in a PNG or JPEG image file',
  help: `Usage: totp-lab scan <image-file> [--json]

Reads the QR code in a PNG or JPEG file (recognised by its content, not its
name) and prints the text it holds. Exit 0 when a code is found, 1 when the
image holds none, 2 when the file is missing or not a readable image.

Options:
  --json              print { "text": "…" } (text is null when none is found)
  -h, --help          show this help

Example:
  totp-lab scan setup.png`,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parse('scan', args, { json: { type: 'boolean' } }, { min: 1, max: 1 });
    if (values.help) return io.out(this.help), EXIT_OK;
    // The image decoders and jsQR load here, not at start-up, so other commands stay quick to start.
    const { scanQrFile } = await import('../../node/image-file.js');
    const text = await scanQrFile(positionals[0]!);
    if (values.json) io.out(JSON.stringify({ text }));
    else io.out(text ?? 'no QR code found');
    return text === null ? EXIT_NO : EXIT_OK;
  },
};
