// Step mode: on a terminal the walkthrough waits for Enter between steps; piped, with --all or
// --json it prints everything at once.
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';

async function play(o: { isTty: boolean; inputIsTty: boolean; typed: string[] }, ...args: string[]) {
  const out: string[] = [];
  const prompts: string[] = [];
  let asked = 0;
  const code = await run(['demo', '--no-qr', '--lang', 'en', '--scenario', 'happy-path', ...args], {
    out: (l) => out.push(l),
    err: (l) => out.push(l),
    env: { NO_COLOR: '1' },
    isTty: o.isTty,
    inputIsTty: o.inputIsTty,
    lines: async function* () {
      for (const line of o.typed) {
        asked++;
        yield line;
      }
    },
    prompt: (text) => prompts.push(text),
  });
  return { code, text: out.join('\n'), prompts, asked };
}

const steps = (text: string) => text.split('\n').filter((l) => l.startsWith('▸ ')).length;

describe('demo step mode', () => {
  it('is the default on a terminal: one step, then one more per Enter, q leaves', async () => {
    const r = await play({ isTty: true, inputIsTty: true, typed: ['', '', 'q'] });
    expect(r.code).toBe(0);
    expect(steps(r.text)).toBe(3);
    expect(r.prompts).toHaveLength(3);
    expect(r.prompts[0]).toContain('Enter');
  });

  it('plays to the end when Enter is pressed for every step', async () => {
    const r = await play({ isTty: true, inputIsTty: true, typed: Array(20).fill('') });
    expect(r.code).toBe(0);
    expect(steps(r.text)).toBe(6);
    expect(r.prompts).toHaveLength(5);
    expect(r.text).toContain('1 of 1 scenarios behaved as expected.');
  });

  it('ends quietly when input ends', async () => {
    const r = await play({ isTty: true, inputIsTty: true, typed: [''] });
    expect(r.code).toBe(0);
    expect(steps(r.text)).toBe(2);
  });

  it.each([
    ['piped output', { isTty: false, inputIsTty: true }, []],
    ['piped input', { isTty: true, inputIsTty: false }, []],
    ['--all', { isTty: true, inputIsTty: true }, ['--all']],
    ['--json', { isTty: true, inputIsTty: true }, ['--json']],
  ])('prints everything at once with %s', async (_what, tty, args) => {
    const r = await play({ ...tty, typed: ['q'] }, ...args);
    expect(r.code).toBe(0);
    expect(r.prompts).toEqual([]);
    expect(r.asked).toBe(0);
    if (!args.includes('--json')) expect(steps(r.text)).toBe(6);
  });

  it('--step asks even when piped', async () => {
    const r = await play({ isTty: false, inputIsTty: false, typed: ['q'] }, '--step');
    expect(steps(r.text)).toBe(1);
    expect(r.prompts).toHaveLength(1);
  });

  it('speaks Hungarian in its prompt', async () => {
    const out: string[] = [];
    const prompts: string[] = [];
    await run(['demo', '--no-qr', '--lang', 'hu', '--scenario', 'replay', '--step'], {
      out: (l) => out.push(l),
      err: () => {},
      env: {},
      isTty: false,
      lines: async function* () {
        yield 'q';
      },
      prompt: (t) => prompts.push(t),
    });
    expect(prompts[0]).toContain('következő lépés');
  });
});
