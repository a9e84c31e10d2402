// The command table lists each command without loading it; what it says must match the command.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/command-table.js';
import { run } from '../../src/cli/main.js';

describe('the command table', () => {
  it('names each command once, with the summary the command itself gives', async () => {
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary).toBe(entry.summary);
      expect(command.help).toMatch(new RegExp(`^Usage: totp-lab ${entry.name}\\b`));
    }
  });

  it('lists every command in --help and runs each one by name', async () => {
    const out: string[] = [];
    const io = { out: (l: string) => void out.push(l), err: () => undefined, env: {}, isTty: false };
    expect(await run(['--help'], io)).toBe(0);
    for (const entry of COMMANDS) expect(out.join('\n')).toContain(`  ${entry.name}`);
    for (const entry of COMMANDS) {
      out.length = 0;
      expect(await run([entry.name, '--help'], io), entry.name).toBe(0);
      expect(out.join('\n')).toMatch(new RegExp(`^Usage: totp-lab ${entry.name}\\b`));
    }
  });
});
