// Runs the provider example of docs/provider.md as written, so the documentation cannot drift from the code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import type { Provider } from '../../src/index.js';

function readmeExample(): string {
  const doc = readFileSync(new URL('../../docs/provider.md', import.meta.url), 'utf8');
  const match = /```ts\n([\s\S]*?)```/.exec(doc);
  if (!match?.[1]) throw new Error('no ts block in docs/provider.md');
  return match[1];
}

describe('docs/provider.md: the simulated Ügyfélkapu+ service', () => {
  it('the example runs and does what its comments say', async () => {
    const code = readmeExample();
    const imported = /^import \{([^}]*)\} from 'totp-lab';$/m.exec(code);
    expect(imported).not.toBeNull();
    const names = imported![1]!.split(',').map((n) => n.trim());
    const body = code.replace(imported![0], '') + '\nreturn { provider, confirmed };';
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
      ...args: string[]
    ) => (...values: unknown[]) => Promise<{ provider: Provider; confirmed: { deletionCode: string } }>;
    const run = new AsyncFunction(...names, body);
    const { provider, confirmed } = await run(...names.map((n) => (lib as Record<string, unknown>)[n]));
    expect(confirmed.deletionCode).toMatch(/^\d{4}( \d{4}){4}$/);
    const events = provider.auditLog();
    expect(events.map((e) => e.type)).toEqual([
      'registered',
      'enrollment-started',
      'enrollment-confirmed',
      'enrollment-finished',
      'login-ok',
      'login-refused',
      'deletion-code-redeemed',
    ]);
    expect(events[5]).toMatchObject({ reason: 'replayed-code' });
  });
});
