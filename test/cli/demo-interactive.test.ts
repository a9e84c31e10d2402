import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'totp-lab-demo-interactive-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function play(lang: 'hu' | 'en', typed: string[], ...flags: string[]) {
  const out: string[] = [];
  const prompts: string[] = [];
  const code = await run(['demo', '--interactive', '--lang', lang, ...flags], {
    out: (l) => out.push(l),
    err: (l) => out.push(l),
    env: {},
    isTty: false,
    lines: async function* () {
      yield* typed;
    },
    prompt: (p) => prompts.push(p),
  });
  return { code, text: out.join('\n'), prompts };
}

const ENROLL = ['register', 'enroll', 'scan'];
const codeIn = (text: string, label: string) =>
  [...text.matchAll(new RegExp(`\\[${label}\\] Ügyfélkapu\\+ \\(kovacs\\.janos\\)  (\\d{3}) (\\d{3})`, 'g'))].map(
    (m) => m[1]! + m[2]!,
  );

describe('interactive demo', () => {
  it('shows a prompt before every command', async () => {
    const r = await play('en', ['register', 'quit']);
    expect(r.prompts).toEqual(['demo> ', 'demo> ']);
  });

  it('speaks Hungarian throughout a Hungarian session, one name per phone', async () => {
    const r = await play('hu', [...ENROLL, 'scan phone', 'drift', 'fault', 'quit']);
    expect(r.text).toContain('Parancsok');
    expect(r.text).toContain('  felvéve');
    expect(r.text).toContain('  már rajta van');
    expect(r.text).not.toMatch(/\b(added|duplicate)\b/);
    expect(r.text).not.toContain('[phone]');
    expect(r.text).toContain('[telefon]');
    expect(r.text).toContain('drift <telefon|táblagép> <mp>');
  });

  it('confirms a fault and its end', async () => {
    const r = await play('en', ['fault maintenance', 'fault off', 'quit']);
    expect(r.text).toContain('✓ fault on: maintenance');
    expect(r.text).toContain('✓ faults off');
    const hu = await play('hu', ['fault maintenance', 'quit']);
    expect(hu.text).toContain('✓ hiba bekapcsolva: karbantartás');
  });

  it('deletes an entry from a phone', async () => {
    // After "Beállítás másik eszközre" on the same phone, it holds two entries: the old one goes.
    const out: string[] = [];
    const latest = () => codeIn(out.join('\n'), 'phone').at(-1);
    await run(['demo', '--interactive', '--lang', 'en', '--no-qr'], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      env: {},
      isTty: false,
      lines: async function* () {
        yield* ENROLL;
        yield `confirm ${latest()}`;
        yield* ['finish', 'time +30s', 'phones'];
        yield `device-change ${latest()}`;
        yield* ['scan', 'delete phone 1', 'phones', 'delete phone 9', 'quit'];
      },
    });
    const r = { text: out.join('\n') };
    expect(r.text).toContain('(1: Ügyfélkapu+, 2: Ügyfélkapu+)');
    expect(r.text).toContain('✓ entry removed');
    expect(r.text).toContain('delete <phone|tablet> <n>');
  });

  it('masks the törlőkód unless --show-secrets, and leaves QR codes out with --no-qr', async () => {
    const enrolled = async (...flags: string[]) => {
      const out: string[] = [];
      await run(['demo', '--interactive', '--lang', 'en', ...flags], {
        out: (l) => out.push(l),
        err: (l) => out.push(l),
        env: {},
        isTty: false,
        lines: async function* () {
          yield* ENROLL;
          yield `confirm ${codeIn(out.join('\n'), 'phone').at(-1)}`;
          yield 'quit';
        },
      });
      return out.join('\n');
    };
    const masked = await enrolled('--no-qr');
    expect(masked).toMatch(/deletion code \(törlőkód\): \d{4}( •{4}){4}/);
    expect(masked).not.toMatch(/[▀▄█]{10}/);
    const shown = await enrolled('--show-secrets');
    expect(shown).toMatch(/deletion code \(törlőkód\): \d{4}( \d{4}){4}/);
    expect(shown).toMatch(/[▀▄█]{10}/);
  });

  it('keeps the clock still until it is moved', async () => {
    const r = await play('en', [...ENROLL, 'phones', 'phones', 'time +30s', 'phones', 'quit']);
    const codes = codeIn(r.text, 'phone');
    expect(codes.length).toBe(4);
    expect(codes[1]).toBe(codes[0]);
    expect(codes[2]).toBe(codes[0]);
    expect(codes[3]).not.toBe(codes[0]);
    expect(r.text).toMatch(/⏱ \+30 s → \d\d:\d\d:\d\d/);
  });

  it('refuses a time without a zone and a move backwards', async () => {
    const r = await play('en', ['time 2025-01-16T08:00:00', 'time 2000-01-01T00:00:00Z', 'time +1h', 'quit']);
    expect(r.text).toContain('needs a time zone');
    expect(r.text).toContain('the simulated clock only moves forward');
    expect(r.text).toMatch(/⏱ \+1 h →/);
  });
});

describe('interactive demo with --state', () => {
  it('keeps the audit log and the clock across sessions', async () => {
    const state = join(dir, 'state.json');
    const first = await play('en', ['register', 'time +1h', 'time', 'quit'], '--state', state);
    expect(first.code).toBe(0);
    const second = await play('en', ['time', 'audit', 'quit'], '--state', state);
    expect(second.text).toMatch(/ registered/);
    const times = (t: string) => [...t.matchAll(/simulated time: (\S+)/g)].map((m) => m[1]);
    expect(times(second.text)).toEqual(times(first.text));
  });
});
