// End to end as a developer runs it: `totp-lab serve --api` in its own process, and `totp-lab
// probe` against it over HTTP, enrolling each fresh account with a script that uses the API's own
// register and enrollment routes. It keeps every rule: exit 0.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { INSTANCE_TOKEN, compileCli, startInstance, stopInstances, type Instance } from '../support/api-instances.js';
import { ENROL_SCRIPT, OWN_VERIFY } from './support/own-server.js';

describe('totp-lab probe against totp-lab serve --api', () => {
  let cli: Awaited<ReturnType<typeof compileCli>>;
  let instance: Instance;
  let dir: string;
  beforeAll(async () => {
    cli = await compileCli();
    dir = await mkdtemp(join(tmpdir(), 'totp-lab-probe-'));
    instance = await startInstance(cli.bin, join(dir, 'state.json'));
  }, 60_000);
  afterAll(async () => {
    await stopInstances([instance]);
    await cli.remove();
    await rm(dir, { recursive: true, force: true });
  });

  it('passes every measurement, in at most a few hundred requests', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const args = [
      'probe',
      '--verify',
      OWN_VERIFY.request.replace('{url}', instance.url),
      '--body',
      OWN_VERIFY.body,
      '--enroll-cmd',
      `${process.execPath} ${ENROL_SCRIPT} ${instance.url}`,
      '--json',
    ];
    const env = { PATH: process.env.PATH, TOTP_LAB_CONTROL_TOKEN: INSTANCE_TOKEN };
    const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l), env, isTty: false });
    expect(err).toEqual([]);
    const report = JSON.parse(out.join('\n'));
    expect(report.verdicts.filter((v: { status: string }) => !['pass', 'info'].includes(v.status))).toEqual([]);
    expect(code).toBe(0);
    expect(report.requests).toBeLessThanOrEqual(300);
    expect(report.enrolments).toBe(report.accounts.used);
    console.info(
      `serve --api probed: ${report.requests} requests, ${report.enrolments} enrolments, ${report.elapsedMs} ms`,
    );
  }, 180_000);
});
