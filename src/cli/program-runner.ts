/**
 * Runs a program for `totp-lab probe` (a verifier or an enrolment command): directly, never
 * through a shell, so no argument is read by a shell and nothing lands in a shell's history. The
 * program gets this process's environment plus the probe's variables; a run that takes longer
 * than the time-out is killed.
 */
import { execFile } from 'node:child_process';
import type { CommandRunner } from '../probe/types.js';

const MAX_OUTPUT = 4 * 1024 * 1024;

export function programRunner(env: Record<string, string | undefined>, timeoutMs: number): CommandRunner {
  const base: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) base[key] = value;
  return (argv, extra) =>
    new Promise((resolve, reject) => {
      execFile(
        argv[0]!,
        argv.slice(1),
        {
          env: { ...base, ...extra },
          encoding: 'buffer',
          timeout: timeoutMs,
          maxBuffer: MAX_OUTPUT,
          windowsHide: true,
        },
        (error, stdout) => {
          const code = (error as (NodeJS.ErrnoException & { killed?: boolean }) | null)?.code;
          if (error && (error as { killed?: boolean }).killed)
            reject(new Error(`no answer within ${timeoutMs / 1000} s (the program was stopped)`));
          else if (error && typeof code !== 'number')
            reject(new Error(code === 'ENOENT' ? 'no such program' : error.message));
          else resolve({ exitCode: typeof code === 'number' ? code : 0, stdout: new Uint8Array(stdout) });
        },
      );
    });
}
