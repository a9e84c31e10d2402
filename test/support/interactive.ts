// Plays `totp-lab demo --interactive` (without QR pictures) with typed lines, as the CLI tests do.
import { run } from '../../src/cli/main.js';

/**
 * Runs the interactive demo; each typed line may use `{code}`, replaced by the newest code the
 * phone showed so far (so a test can type what the person would read off the screen).
 */
export async function playInteractive(lang: 'hu' | 'en', typed: string[], ...flags: string[]) {
  const out: string[] = [];
  const code = await run(['demo', '--interactive', '--lang', lang, '--no-qr', ...flags], {
    out: (l) => out.push(l),
    err: (l) => out.push(l),
    env: {},
    isTty: false,
    lines: async function* () {
      for (const line of typed) yield line.replace('{code}', latestCode(out.join('\n')) ?? '');
    },
  });
  return { code, text: out.join('\n') };
}

/** The newest Ügyfélkapu+ code a phone showed in `text`. */
export const latestCode = (text: string): string | undefined =>
  [...text.matchAll(/\[(?:phone|telefon)\] Ügyfélkapu\+ \(kovacs\.janos\)  (\d{3}) (\d{3})/g)]
    .map((m) => m[1]! + m[2]!)
    .at(-1);
