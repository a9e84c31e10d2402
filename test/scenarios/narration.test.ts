// The narration as a room hears it: Hungarian throughout in a Hungarian session, one time zone
// per language (said once), and no English device names or units in the Hungarian text.
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';

async function demo(env: Record<string, string>, isTty: boolean, ...args: string[]) {
  const out: string[] = [];
  const code = await run(['demo', '--no-qr', ...args], {
    out: (l) => out.push(l),
    err: (l) => out.push(l),
    env,
    isTty,
  });
  return { code, text: out.join('\n') };
}

describe('Hungarian narration', () => {
  let code = -1;
  let text = '';
  beforeAll(async () => ({ code, text } = await demo({}, false, '--lang', 'hu')), 120_000);

  it('plays every scenario', () => expect(code).toBe(0));

  it('names the devices in Hungarian', () => {
    expect(text).not.toMatch(/\bphone\b/);
    expect(text).toContain('[régi telefon]');
    expect(text).toContain('az új telefon által mutatott kódot');
    expect(text).toContain('a telefon hitelesítő alkalmazása beolvassa');
  });

  it('says mp and perc, not s', () => {
    expect(text).not.toMatch(/\d s\b/);
    expect(text).toContain('⏱ +30 mp →');
    expect(text).toContain('[telefon (órája 45 mp-et késik)]');
    expect(text).toContain('[telefon (órája 2 percet késik)]');
  });

  it('shows Budapest time, says so once, and never UTC', () => {
    expect(text).not.toContain('UTC');
    expect(text.match(/budapesti idő szerint/g)).toHaveLength(1);
    // 08:00:30 UTC in January is 09:00:30 in Budapest.
    expect(text).toContain('⏱ +30 mp → 09:00:30');
    // The maintenance scenario: the service says "10:00-ig", and the retry comes after 10:00.
    const service = text.slice(text.indexOf('Amikor a rendszerrel van a baj'));
    expect(service).toMatch(/10:00-ig nem érhető el/);
    expect(service).toContain('⏱ +1 óra → 10:00:30');
  });

  it('says what the phone clock does, also when it is right again', () => {
    expect(text).not.toContain('ennyivel tér el');
    expect(text).toContain('✓ A telefon órája 45 másodpercet késik.');
    expect(text).toContain('✓ A telefon órája újra pontos.');
  });

  it('reads as Hungarian: registering on Ügyfélkapu, checks in the present tense', () => {
    expect(text).toContain('regisztrál az Ügyfélkapun');
    expect(text).not.toMatch(/ügyfélkapuban/i);
    const checks = text.split('\n').filter((l) => l.startsWith('  ✓ '));
    expect(checks.length).toBeGreaterThan(50);
    expect(checks.filter((l) => /Elutasítva|befejeződött|Elutasítás/.test(l))).toEqual([]);
  });

  it('does not repeat the site message as the QR caption', () => {
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (i === 0 || !/^ {2}\[oldal\] /.test(line)) return;
      const caption = line.replace(/^ {2}\[oldal\] /, '');
      expect(lines[i - 1]).not.toContain(caption);
    });
  });
});

describe('English narration', () => {
  it('uses UTC, says so once, and speaks of phones and seconds', async () => {
    const { text } = await demo({}, false, '--lang', 'en');
    expect(text.match(/All times are UTC\./g)).toHaveLength(1);
    expect(text).toContain('⏱ +30 s → 08:00:30');
    expect(text).toContain('[phone (clock 45 s behind)]');
    expect(text).toContain('✓ The phone’s clock is right again.');
  });
});

describe('on a projector', () => {
  it('prints nothing dim (ANSI 2), even with colours on', async () => {
    const { text } = await demo({ FORCE_COLOR: '1' }, true, '--lang', 'hu', '--all');
    expect(text).toContain('\u001b[');
    expect(text).not.toContain('\u001b[2m');
  });
});
