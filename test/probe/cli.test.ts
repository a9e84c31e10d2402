// `totp-lab probe`: bad usage is one line on stderr and exit 2, never a stack trace; a probe exits
// 1 when a finding breaks a rule and 0 when none does; --json prints the documented schema.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { createReferenceVerifier, serveReference, type Defect } from './support/reference-verifier.js';

const VERIFY_CMD = fileURLToPath(new URL('./support/verify-cmd.mjs', import.meta.url));
const BODY = '{"username":"{username}","code":"{code}"}';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const env = { PATH: process.env.PATH };
  const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l), env, isTty: false });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** A loopback port nobody listens on: opened, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('totp-lab probe: bad usage', () => {
  let served: Awaited<ReturnType<typeof serveReference>>;
  beforeAll(async () => {
    served = await serveReference(createReferenceVerifier());
  });
  afterAll(() => served.close());

  const cases: [string, () => Promise<string[]>, RegExp][] = [
    [
      'an unreachable target',
      async () => [
        '--verify',
        `POST http://127.0.0.1:${await closedPort()}/verify`,
        '--body',
        BODY,
        '--secret',
        'JBSWY3DPEHPK3PXP',
      ],
      /^totp-lab: the verifier: cannot reach POST http:\/\/127\.0\.0\.1:\d+\/verify: ECONNREFUSED$/,
    ],
    [
      'a template without {code}',
      async () => [
        '--verify',
        `POST ${served.url}/verify`,
        '--body',
        '{"username":"{username}"}',
        '--secret',
        'JBSWY3DPEHPK3PXP',
      ],
      /^totp-lab: the verify request has no \{code\} placeholder/,
    ],
    [
      'an enrolment answer without a key URI',
      async () => [
        '--verify',
        `POST ${served.url}/verify`,
        '--body',
        BODY,
        '--enroll-cmd',
        `${process.execPath} -e "console.log('hello')"`,
      ],
      /^totp-lab: the enrolment \(.*\) answered no key URI .*"hello"$/,
    ],
    [
      'an enrolment that answers an error',
      async () => ['--verify', `POST ${served.url}/verify`, '--body', BODY, '--enroll', `POST ${served.url}/nowhere`],
      /^totp-lab: the enrolment answered 404: /,
    ],
    [
      'an enrolment program that does not exist',
      async () => ['--verify', `POST ${served.url}/verify`, '--body', BODY, '--enroll-cmd', 'no-such-program-here {n}'],
      /^totp-lab: cannot run the enrolment command \(no-such-program-here\): no such program$/,
    ],
    ['no verifier', async () => ['--secret', 'JBSWY3DPEHPK3PXP'], /^totp-lab: probe: give the verifier as --verify/],
    ['two verifiers', async () => ['--verify', 'POST http://x/{code}', '--verify-cmd', 'v {code}'], /one of them/],
    ['--body with a command', async () => ['--verify-cmd', 'v {code}', '--body', 'x'], /--body goes with --verify/],
    ['a shell pipeline', async () => ['--verify-cmd', 'v {code} | tee log'], /needs a shell/],
    [
      'two account sources',
      async () => ['--verify-cmd', 'v {code}', '--secret', 'A', '--enroll-cmd', 'e'],
      /give one of --enroll-cmd, --secret/,
    ],
    [
      'accounts the verifier cannot know',
      async () => ['--verify', 'POST http://127.0.0.1:9/{code}'],
      /the probe needs accounts the verifier knows/,
    ],
    [
      'a missing secret file',
      async () => ['--verify-cmd', 'v {code}', '--secret-file', '/nonexistent/secret'],
      /cannot read --secret-file .*ENOENT/,
    ],
    [
      'a secret that is not base32',
      async () => ['--verify-cmd', 'v {code}', '--secret', 'not base32!'],
      /"secret" must be base32/,
    ],
    ['a bad language', async () => ['--verify-cmd', 'v {secret} {code}', '--lang', 'de'], /--lang must be hu or en/],
    [
      'a bad URL',
      async () => ['--verify', 'POST ftp://x/{code}', '--secret', 'JBSWY3DPEHPK3PXP'],
      /must start with http/,
    ],
    [
      'a zero --steps',
      async () => ['--verify-cmd', 'v {secret} {code}', '--steps', '0'],
      /--steps must be from 1 to 20/,
    ],
  ];

  it.each(cases)(
    '%s: one line, exit 2, no stack trace',
    async (_name, args, message) => {
      const r = await cli('probe', ...(await args()));
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
      expect(r.stderr).not.toContain('JBSWY3DPEHPK3PXP');
    },
    30_000,
  );
});

/** `totp-lab probe` against a reference verifier served over HTTP, with fresh accounts from its /enrol. */
async function probeReference(defect: Defect | undefined, ...extra: string[]) {
  const served = await serveReference(createReferenceVerifier({ defect }));
  try {
    const url = served.url;
    return await cli(
      'probe',
      '--verify',
      `POST ${url}/verify`,
      '--body',
      BODY,
      '--enroll',
      `POST ${url}/enrol`,
      ...extra,
    );
  } finally {
    await served.close();
  }
}

describe('totp-lab probe: reports', () => {
  it('--json: the documented fields; exit 0 for a verifier that keeps every rule', async () => {
    const r = await probeReference(undefined, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      schema: 'totp-lab.probe/1',
      window: { behind: 1, ahead: 1 },
      replay: { sameStep: 'refused', olderAfterNewer: 'refused' },
      lockout: { after: 5, distinctAnswer: false, rightCodeWhileLocked: 'refused' },
      skipped: [],
    });
    expect(report.input).toHaveLength(6);
    expect(report.requests).toBeGreaterThan(0);
    expect(report.verdicts.every((v: { rule: string }) => /RFC|OWASP|Ügyfélkapu/.test(v.rule))).toBe(true);
  }, 60_000);

  it('text in Hungarian; exit 1 naming the one defect with its evidence', async () => {
    const r = await probeReference('distinct-lock-message', '--lang', 'hu');
    expect(r.code).toBe(1);
    const fails = r.stdout.split('\n').filter((l) => l.trimStart().startsWith('HIBA'));
    expect(fails).toEqual([expect.stringContaining('mást válaszolt, mint egy hibásra')]);
    expect(r.stdout).toContain('423 {"ok":false,"error":"account locked"}');
    expect(r.stdout).toMatch(/\d+ kérés/);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('1 megállapítás sért szabályt.');
  }, 60_000);

  it('--secret-file: one given account; what needs fresh accounts is listed as skipped', async () => {
    const verifier = createReferenceVerifier();
    const served = await serveReference(verifier);
    const dir = await mkdtemp(join(tmpdir(), 'totp-lab-probe-'));
    try {
      const { keyUri } = verifier.enrol();
      await writeFile(join(dir, 'account.txt'), `${keyUri}\n`, { mode: 0o600 });
      const r = await cli(
        'probe',
        ...['--verify', `POST ${served.url}/verify`, '--body', BODY, '--secret-file', join(dir, 'account.txt')],
        ...['--lang', 'en'],
      );
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('1 account (given) · 2 requests');
      const skipped = r.stdout.slice(r.stdout.indexOf('Skipped:'));
      expect(skipped).toContain('lockout.after: needs fresh accounts');
      expect(skipped.split('\n').filter((l) => l.startsWith('  '))).toHaveLength(10);
      expect(r.stdout).not.toContain(keyUri);
    } finally {
      await served.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('--verify-cmd: a program run without a shell, the secret in its environment, accounts made up', async () => {
    const r = await cli(
      'probe',
      '--verify-cmd',
      `${process.execPath} ${VERIFY_CMD} {code}`,
      '--steps',
      '2',
      '--max-wrong',
      '3',
      '--lang',
      'en',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.accounts.source).toBe('generate');
    expect(report.target).toEqual({ kind: 'command', description: `${process.execPath} ${VERIFY_CMD} {code}` });
    expect(report.window).toMatchObject({ behind: 1, ahead: 1, limit: 2 });
    expect(report.replay).toMatchObject({ sameStep: 'accepted', olderAfterNewer: 'accepted' });
    expect(report.lockout).toMatchObject({ after: null, tried: 3 });
    // It compares numbers: a leading zero passes, a space inside does not.
    const input = Object.fromEntries(report.input.map((i: { case: string; outcome: string }) => [i.case, i.outcome]));
    expect(input).toMatchObject({
      'one-digit-long': 'accepted',
      'space-inside': 'refused',
      'surrounding-space': 'accepted',
    });
    expect(report.lockout.evidence[0].answer).toBe('exit 1 wrong');
  }, 120_000);
});
