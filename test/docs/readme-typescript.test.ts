// Every TypeScript block in the README and in docs/ type-checks under the project's strict
// settings, with the package names resolved to the sources, so an example cannot rot unseen.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = process.cwd();
// Inside node_modules, so imports in the blocks (vitest, playwright-core…) resolve as in the repo.
const dir = join(root, 'node_modules', '.cache', `readme-blocks-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Names the examples use without declaring them, as a reader would supply them. */
const CONTEXT = `
declare const uri: string;
declare const secret: string;
declare const typedCode: string;
declare const text: string;
declare const accounts: import('totp-lab').AccountInput[];
declare const account: { secret: string; lastStep: number };
declare const ctx: CanvasRenderingContext2D;
declare const canvas: HTMLCanvasElement;
declare const image: import('totp-lab').RgbaImage;
declare const screenshot: import('totp-lab').RgbaImage;
`;

function markdownFiles(): string[] {
  const docs = existsSync(join(root, 'docs'))
    ? readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.md'))
        .map((f) => join('docs', f))
    : [];
  return ['README.md', ...docs];
}

function blocks(file: string): string[] {
  return [...readFileSync(join(root, file), 'utf8').matchAll(/^```(?:ts|typescript)\n([\s\S]*?)^```/gm)].map(
    (m) => m[1]!,
  );
}

describe('TypeScript examples in the documentation', () => {
  it('the README has TypeScript examples to check', () => {
    expect(blocks('README.md').length).toBeGreaterThanOrEqual(3);
  });

  it('type-check under strict settings', { timeout: 180_000 }, () => {
    mkdirSync(dir, { recursive: true });
    const names = new Map<string, string>();
    for (const file of markdownFiles()) {
      blocks(file).forEach((code, i) => {
        const name = `${file.replace(/\W/g, '_')}_${i + 1}.ts`;
        names.set(name, `${file}, TypeScript block ${i + 1}`);
        writeFileSync(join(dir, name), `${code}\nexport {};\n`);
      });
    }
    writeFileSync(join(dir, 'context.d.ts'), CONTEXT);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: '../../../tsconfig.json',
        compilerOptions: { noEmit: true, typeRoots: ['../../@types'] },
        include: ['*.ts', '../../../src/**/*.d.ts'],
      }),
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    // Name the Markdown file and block in each error, not the temporary file.
    const errors = r.stdout
      .split('\n')
      .filter((l) => /error TS/.test(l))
      .map((l) => {
        const name = /([\w.-]+\.ts)\(/.exec(l)?.[1];
        return name && names.has(name) ? `${names.get(name)}: ${l.slice(l.indexOf('error TS'))}` : l;
      });
    expect(errors).toEqual([]);
    expect(r.status).toBe(0);
  });
});
