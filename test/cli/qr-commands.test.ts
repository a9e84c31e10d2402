import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { renderQr, scanQr } from '../../src/qr/index.js';
import { encodePng1Bit } from '../../src/qr/png-encode.js';
import { cli, type CliResult } from '../support/cli.js';
import { blankImage, paste, rasteriseTerminal } from '../support/images.js';
import { KEY_URIS } from '../support/key-uris.js';

const dir = mkdtempSync(join(tmpdir(), 'totp-lab-cli-qr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const URI = KEY_URIS[0]!;

async function cliWithEnv(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l), env, isTty: true });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

function expectUsageError(result: CliResult, message: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(message);
}

describe('totp-lab qr', () => {
  it('draws a coloured terminal code that scans back to the text', async () => {
    const result = await cliWithEnv({}, 'qr', URI);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\u001b[30;47m');
    const screen = blankImage(500, 400, () => [30, 30, 30]);
    expect(await scanQr(paste(screen, rasteriseTerminal(result.stdout, 0, 255, 3), 20, 20))).toBe(URI);
  });

  it('leaves colours out when the output is piped or redirected', async () => {
    const piped = await cli('qr', URI);
    expect(piped.stdout).not.toContain('\u001b[');
    expect(piped.stdout).toBe(renderQr(URI, { format: 'terminal', color: false }));
  });

  it('leaves colours out with --no-color or NO_COLOR', async () => {
    const flag = await cli('qr', URI, '--no-color');
    const env = await cliWithEnv({ NO_COLOR: '1' }, 'qr', URI);
    expect(flag.stdout).toBe(renderQr(URI, { format: 'terminal', color: false }));
    expect(env.stdout).toBe(flag.stdout);
    expect(await scanQr(rasteriseTerminal(flag.stdout, 220, 20, 3))).toBe(URI);
    // An empty NO_COLOR does not count (no-color.org).
    expect((await cliWithEnv({ NO_COLOR: '' }, 'qr', URI)).stdout).toContain('\u001b[');
  });

  it('writes PNG and SVG files with --out, and scan reads the PNG back', async () => {
    const png = join(dir, 'setup.png');
    expect(await cli('qr', URI, '--out', png, '--error-correction', 'h')).toEqual({
      code: 0,
      stdout: `wrote ${png}`,
      stderr: '',
    });
    expect(await cli('scan', png)).toEqual({ code: 0, stdout: URI, stderr: '' });
    expect(JSON.parse((await cli('scan', png, '--json')).stdout)).toEqual({ text: URI });
    const svg = join(dir, 'setup.svg');
    expect((await cli('qr', URI, '--out', svg)).code).toBe(0);
    expect(readFileSync(svg, 'utf8')).toBe(renderQr(URI, { format: 'svg' }));
  });

  it('refuses bad usage with one line and exit 2', async () => {
    expectUsageError(await cli('qr'), /^totp-lab: qr: missing argument/);
    expectUsageError(
      await cli('qr', URI, '--out', join(dir, 'x.gif')),
      /^totp-lab: qr: --out must end in \.png or \.svg, got ".*x\.gif"$/,
    );
    expectUsageError(
      await cli('qr', URI, '--error-correction', 'Z'),
      /^totp-lab: --error-correction must be L, M, Q or H, got "Z"$/,
    );
    expectUsageError(
      await cli('qr', URI, '--out', join(dir, 'missing', 'x.png')),
      /^totp-lab: cannot write .*: no such file or directory$/,
    );
    const long = `otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&x=${'y'.repeat(3000)}`;
    const tooLong = await cli('qr', long);
    expectUsageError(tooLong, /"text" must fit in a QR code/);
    expect(tooLong.stderr).not.toContain('JBSWY3DPEHPK3PXP'); // never echo a secret
  });

  it('has --help', async () => {
    const help = await cli('qr', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: totp-lab qr <text>/);
  });
});

describe('totp-lab scan', () => {
  it('exits 1 when the image holds no QR code', async () => {
    const blank = join(dir, 'blank.png');
    writeFileSync(blank, encodePng1Bit(new Uint8Array(200 * 100), 200, 100)); // all white
    expect(await cli('scan', blank)).toEqual({ code: 1, stdout: 'no QR code found', stderr: '' });
    expect(await cli('scan', blank, '--json')).toEqual({ code: 1, stdout: '{"text":null}', stderr: '' });
  });

  it('exits 2 with one line for a missing, unreadable or non-image file', async () => {
    expectUsageError(
      await cli('scan', join(dir, 'nope.png')),
      /^totp-lab: cannot read ".*nope\.png": no such file or directory$/,
    );
    expectUsageError(await cli('scan', dir), /^totp-lab: cannot read .*: it is a directory$/);
    const text = join(dir, 'notes.png');
    writeFileSync(text, 'not an image\n');
    expectUsageError(await cli('scan', text), /^totp-lab: not a PNG or JPEG image/);
    const cut = join(dir, 'cut.png');
    const png = renderQr(URI, { format: 'png' });
    writeFileSync(cut, png.slice(0, png.length - 40));
    expectUsageError(await cli('scan', cut), /^totp-lab: not a readable PNG image: /);
    expectUsageError(await cli('scan'), /^totp-lab: scan: missing argument/);
    expectUsageError(await cli('scan', 'a.png', 'b.png'), /^totp-lab: scan: unexpected argument "b\.png"/);
  });

  it('has --help', async () => {
    expect((await cli('scan', '-h')).stdout).toMatch(/^Usage: totp-lab scan <image-file>/);
  });
});
