// Every command with missing, extra, malformed and oversized arguments: exit 2, exactly one line on
// stderr starting with "totp-lab: ", no stack trace, nothing on stdout, and no secret echoed.
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const SECRET = 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BAKRUGKIDR';
const URI = `otpauth://totp/Example:alice?secret=${SECRET}&issuer=Example`;
const MB = 'x'.repeat(1024 * 1024);
const MB_DIGITS = '7'.repeat(1024 * 1024);

interface CommandCase {
  /** Arguments that make a valid call. */
  base: string[];
  /** Flags taking a value that must be a number, a name from a list, or a time. */
  typedFlags: string[];
  /** Flags taking free text (a name or a path). */
  textFlags: string[];
  /** The number of positional arguments the command needs. */
  minPositionals: number;
}

const COMMANDS: Record<string, CommandCase> = {
  code: {
    base: [SECRET],
    typedFlags: ['time', 'algorithm', 'digits', 'period', 'min-remaining'],
    textFlags: [],
    minPositionals: 1,
  },
  verify: {
    base: [SECRET, '123456'],
    typedFlags: ['time', 'algorithm', 'digits', 'period', 'window'],
    textFlags: [],
    minPositionals: 2,
  },
  uri: {
    base: ['--account', 'alice', '--secret', SECRET],
    typedFlags: ['algorithm', 'digits', 'period'],
    textFlags: ['issuer', 'account', 'secret'],
    minPositionals: 0,
  },
  inspect: { base: [URI], typedFlags: [], textFlags: [], minPositionals: 1 },
  qr: { base: [URI], typedFlags: ['error-correction'], textFlags: ['out'], minPositionals: 1 },
  scan: { base: ['does-not-exist.png'], typedFlags: [], textFlags: [], minPositionals: 1 },
  export: { base: [URI], typedFlags: ['batch-size'], textFlags: ['out-dir'], minPositionals: 1 },
  import: { base: [URI], typedFlags: [], textFlags: [], minPositionals: 1 },
  demo: {
    base: ['--scenario', 'replay', '--no-qr'],
    typedFlags: ['lang', 'scenario'],
    textFlags: ['state'],
    minPositionals: 0,
  },
  // Port 9 is one fetch never connects to: the probe is refused at its first request.
  probe: {
    base: ['--verify', 'POST http://127.0.0.1:9/verify', '--body', '{"code":"{code}"}', '--secret', SECRET],
    typedFlags: ['lang', 'steps', 'max-wrong', 'lockout-wait', 'timeout'],
    textFlags: ['verify', 'body', 'header', 'accepted', 'secret', 'username'],
    minPositionals: 0,
  },
  // A base that would start a server never returns; a missing root is refused before listening.
  serve: {
    base: ['--root', 'does-not-exist', '--port', '0'],
    typedFlags: ['port'],
    textFlags: ['host', 'root'],
    minPositionals: 0,
  },
};

/** The malformed values every typed flag gets; none is a valid number, time or name. */
const MALFORMED = [
  '',
  'abc',
  '-1',
  '1e3',
  'NaN',
  '0x10',
  '9'.repeat(40),
  'line\nbreak',
  'nul\u0000',
  '\u001b[31mred',
  '\uD800',
  MB,
  MB_DIGITS,
];

function expectRefused(result: { code: number; stdout: string; stderr: string }, what: string) {
  expect(result.code, what).toBe(2);
  expect(result.stdout, what).toBe('');
  expect(result.stderr.split('\n'), what).toHaveLength(1);
  expect(result.stderr, what).toMatch(/^totp-lab: \S/);
  expect(result.stderr, what).not.toMatch(/\n\s+at |unexpected error/);
  expect(result.stderr.length, what).toBeLessThan(400);
  expect(result.stderr, what).not.toMatch(/[\u0000-\u001f]/);
  for (const secret of [SECRET, SECRET.slice(0, 16), SECRET.toLowerCase().slice(0, 16)])
    expect(result.stderr, what).not.toContain(secret);
}

describe('the command table', () => {
  it('lists every command the CLI has', async () => {
    const { stdout } = await cli('--help');
    const listed = stdout
      .split('\n')
      .filter((l) => /^ {2}[a-z]/.test(l))
      .map((l) => l.trim().split(/\s+/)[0]);
    expect(listed.sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  it.each(Object.entries(COMMANDS))('%s succeeds with its base arguments', async (name, c) => {
    const result = await cli(name, ...c.base);
    // scan's and serve's bases name a missing file or directory, probe's a target it cannot
    // reach: their normal answer is a refusal; verify's code is wrong (exit 1).
    if (name === 'scan' || name === 'serve' || name === 'probe') expectRefused(result, `${name} of a missing file`);
    else expect(result.code, result.stderr).toBe(name === 'verify' ? 1 : 0);
  });
});

describe.each(Object.entries(COMMANDS))('totp-lab %s refuses bad arguments', (name, c) => {
  it('missing, extra and unknown arguments', async () => {
    if (c.minPositionals > 0) {
      expectRefused(await cli(name), 'no arguments');
      expectRefused(await cli(name, ...c.base.slice(0, c.minPositionals - 1)), 'one positional too few');
    }
    expectRefused(
      await cli(name, ...c.base, ...(name === 'export' ? ['--out-dir'] : ['surplus'])),
      'one argument too many',
    );
    expectRefused(await cli(name, ...c.base, '--bogus'), 'an unknown flag');
    expectRefused(await cli(name, ...c.base, `--${MB}`), 'a 1 MB unknown flag');
    expectRefused(await cli(name, ...c.base, '-Z'), 'an unknown short flag');
  });

  it('a flag with no value, and a malformed or oversized value', async () => {
    for (const flag of c.typedFlags) {
      expectRefused(await cli(name, ...c.base, `--${flag}`), `--${flag} with no value`);
      for (const value of MALFORMED) {
        const args = [
          ...c.base.filter((_, i, all) => all[i - 1] !== `--${flag}` && all[i] !== `--${flag}`),
          `--${flag}`,
          value,
        ];
        expectRefused(await cli(name, ...args), `--${flag} ${JSON.stringify(value.slice(0, 12))}`);
      }
    }
  });

  it('oversized and control-character text arguments', async () => {
    for (const flag of c.textFlags) {
      expectRefused(await cli(name, ...c.base, `--${flag}`, `dir\u0000/${MB}`), `--${flag} with a NUL and 1 MB`);
    }
    if (c.minPositionals > 0) {
      // qr draws any text, so only a text too long for a QR code is wrong there.
      const values =
        name === 'qr'
          ? [MB, `otpauth://totp/${MB}`]
          : [MB, `otpauth://totp/${MB}`, `otpauth-migration://offline?data=${MB}`, '\u0000', ''];
      for (const value of values) {
        const args = [value, ...c.base.slice(1)];
        expectRefused(await cli(name, ...args), `a positional of ${value.length} characters`);
      }
    }
  });
});

describe('a secret given on the command line is not echoed in an error about another argument', () => {
  it.each([
    ['verify', [SECRET, '123456', '--digits', '12']],
    ['verify', [URI, '123456', '--window', 'wide']],
    ['verify', [SECRET, 'not-a-code', '--time', 'noon']],
    ['code', [SECRET, '--period', '0']],
    ['code', [URI, '--algorithm', 'MD5']],
    ['uri', ['--account', 'alice', '--secret', SECRET, '--digits', '5']],
    ['uri', ['--account', 'alice', '--secret', `${SECRET}1`]],
    ['inspect', [`${URI}&digits=12`]],
    ['export', [URI, `${URI}&period=60`]],
    ['import', [`${URI}&algorithm=MD5`]],
    ['qr', [URI, '--error-correction', 'Z']],
  ])('%s %j', async (name, args) => {
    expectRefused(await cli(name, ...args), args.join(' ').slice(0, 60));
  });
});
