import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshStepTime } from '../../src/core/fresh-step.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the CLI stands on core, not on the test kit', () => {
  it('no file under src/cli imports src/testing', () => {
    const offenders = sources('src/cli').filter((file) =>
      /from\s+['"][^'"]*\/testing\//.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('freshStepTime: now when enough is left, else the next step start', () => {
    expect(freshStepTime(10_000, 30, 5)).toBe(10_000);
    expect(freshStepTime(25_000, 30, 5)).toBe(25_000);
    expect(freshStepTime(25_001, 30, 5)).toBe(30_000);
    expect(freshStepTime(59_999, 30, 29)).toBe(60_000);
    expect(() => freshStepTime(0, 30, 30)).toThrow(/minRemaining/);
  });
});
