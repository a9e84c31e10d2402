// The interactive demo on hostile typing and on a damaged state file: a typo never ends the
// demo with a stack trace, and a corrupt file is refused with one line naming it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'totp-lab-interactive-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function play(typed: string[], ...flags: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(['demo', '--interactive', '--lang', 'en', ...flags], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: {},
    isTty: false,
    lines: async function* () {
      yield* typed;
    },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const HOSTILE_LINES = [
  'x'.repeat(1024 * 1024),
  '\u0000\u0001',
  '\uD800',
  'scan nosuchphone',
  'type tablet',
  'type',
  'confirm',
  'confirm 1 2 3',
  'finish',
  'login',
  `login ${'9'.repeat(100_000)}`,
  'redeem',
  `redeem ${'1 '.repeat(50_000)}`,
  'drift',
  'drift phone abc',
  'drift phone 1e309',
  'drift phone -99999999999',
  'fault',
  'fault bogus',
  'fault login 1e309',
  '+99999999999999999999m',
  '+0s',
  'device-change',
  'device-change 123456',
  '__proto__',
  'constructor',
  'toString',
];

describe('interactive demo on hostile typing', () => {
  it('answers every line and ends normally, with no stack trace and no crash', async () => {
    const result = await play(['register', 'enroll', 'scan', ...HOSTILE_LINES, 'phones', 'quit']);
    expect(result.err).not.toMatch(/\n\s+at |unexpected error/);
    expect(result.out).not.toMatch(/\n\s+at /);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/\[phone\] Ügyfélkapu\+ \(kovacs\.janos\)/);
    // Steps out of order are told, not fatal; a megabyte command is not echoed back whole.
    expect(result.out).toMatch(/✗ enrollment .* is not confirmed yet/);
    expect(result.out).toContain('that jump in time is too long');
    expect(Math.max(...result.out.split('\n').map((l) => l.length))).toBeLessThan(2000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('interactive demo with a damaged state file', () => {
  it.each([
    ['not JSON', '{"format": "totp-lab-store", "version": 1, "data": {'],
    ['a foreign JSON file', '{"accounts": []}'],
    ['an empty file', ''],
  ])('refuses %s with exit 2 and one line naming the file, without resetting it', async (_what, contents) => {
    const path = join(dir, `${_what.replace(/\W/g, '-')}.json`);
    await writeFile(path, contents);
    const result = await play(['register', 'quit'], '--state', path);
    expect(result.code).toBe(2);
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/^totp-lab: .*store file/);
    expect(result.err).toContain(path);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(path, 'utf8')).toBe(contents);
  });
});
