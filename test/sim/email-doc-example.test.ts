// Runs the e-mail example of docs/provider.md as written, so that section cannot drift from the code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import type { Provider } from '../../src/index.js';

function emailExample(): string {
  const doc = readFileSync(new URL('../../docs/provider.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## The e-mail code and password age'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match?.[1]) throw new Error('no ts block in the e-mail section of docs/provider.md');
  // The example is TypeScript; its only TypeScript-only syntax is the non-null assertion.
  return match[1].replace(/(?<=[\w)\]])!(?!=)/g, '');
}

describe('docs/provider.md: the e-mail code', () => {
  it('the example runs and does what its comments say', async () => {
    const code = emailExample();
    const imported = /^import \{([^}]*)\} from 'totp-lab';$/m.exec(code);
    expect(imported).not.toBeNull();
    const names = imported![1]!.split(',').map((n) => n.trim());
    const body = code.replace(imported![0], '') + '\nreturn { provider, sent };';
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
      ...args: string[]
    ) => (...values: unknown[]) => Promise<{ provider: Provider; sent: { ok: boolean; sessionNumber: string } }>;
    const run = new AsyncFunction(...names, body);
    const { provider, sent } = await run(...names.map((n) => (lib as Record<string, unknown>)[n]));
    expect(sent).toMatchObject({ ok: true });
    expect(provider.mailbox?.messages().at(-1)?.text).toContain(sent.sessionNumber);
    const events = provider.auditLog();
    expect(events.map((e) => e.type)).toEqual([
      'registered',
      'email-factor-started',
      'email-factor-confirmed',
      'email-code-sent',
      'second-factor-ok',
      'second-factor-refused',
    ]);
    expect(events[5]).toMatchObject({ reason: 'email-code-used' });
  });
});
