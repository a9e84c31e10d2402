// The HTTP target's template in full: an enrolment with a JSON body using {n} and {random}, whose
// answer nests the key URI and hands back a token; a verify request with a form body, the token
// and the username in headers, and "accepted" read from the body (the endpoint always answers 200).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeVerifier, type ProbeReport } from '../../src/testing/index.js';
import { createReferenceVerifier } from './support/reference-verifier.js';

describe('an HTTP verifier with a form body, headers and an accepted pattern', () => {
  const verifier = createReferenceVerifier();
  const tokens = new Map<string, string>();
  const names: string[] = [];
  const typed: string[] = [];
  let url: string;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      if (req.url === '/enrol') {
        const { name } = JSON.parse(body) as { name: string };
        names.push(name);
        const { username, keyUri } = verifier.enrol();
        const token = `t${names.length}${Math.random().toString(36).slice(2)}`;
        tokens.set(username, token);
        res.end(JSON.stringify({ account: { setup: { uri: keyUri } }, username, token }));
        return;
      }
      const user = String(req.headers['x-user']);
      const code = new URLSearchParams(body).get('code') ?? '';
      typed.push(code);
      const ok =
        req.headers['content-type'] === 'application/x-www-form-urlencoded' &&
        tokens.get(user) === req.headers['x-token'];
      res.end(ok && verifier.check(user, code).status === 200 ? 'OK' : 'NO');
    });
  });
  let report: ProbeReport;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    report = await probeVerifier({
      language: 'en',
      target: {
        kind: 'http',
        request: `POST ${url}/check`,
        body: 'code={code}',
        headers: ['X-Token: {token}', 'X-User: {username}'],
        accepted: '^OK$',
      },
      accounts: {
        kind: 'enroll',
        via: { kind: 'http', request: `POST ${url}/enrol`, body: '{"name":"probe-{n}-{random}"}' },
      },
    });
  }, 60_000);
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('keeps every rule, read from the body', () => {
    expect(report.verdicts.filter((v) => v.status === 'fail')).toEqual([]);
    expect(report.lockout).toMatchObject({ after: 5, distinctAnswer: false });
    expect(report.lockout.evidence[0]!.answer).toBe('200 NO');
  });

  it('fills {n} and {random} into the enrolment, and the codes into the form as typed', () => {
    expect(names).toHaveLength(report.enrolments);
    names.forEach((name, i) => expect(name).toMatch(new RegExp(`^probe-${i + 1}-[0-9a-f]{12}$`)));
    const spaced = report.input.find((i) => i.case === 'space-inside')!.sent;
    expect(typed).toContain(spaced);
    expect(typed).toContain(report.input.find((i) => i.case === 'non-ascii-digits')!.sent);
  });

  it('refuses a template that names a field the enrolment does not answer, before sending any code', async () => {
    const before = typed.length;
    await expect(
      probeVerifier({
        target: { kind: 'http', request: `POST ${url}/check`, body: 'code={code}&p={password}' },
        accounts: { kind: 'enroll', via: { kind: 'http', request: `POST ${url}/enrol`, body: '{"name":"x"}' } },
      }),
    ).rejects.toThrow(
      'the verify request uses {password}, which the enrolment answer does not hold (it has username, token)',
    );
    expect(typed.length).toBe(before);
  });
});
