// The published package must not import what it does not ship: otpauth, otplib and speakeasy are
// development dependencies (test oracles and benchmark peers), and core/sim run without node:*.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

/**
 * Packages the demo page (src/demo/web) imports that the package never loads at run time:
 * scripts/build-web.mjs bundles them into dist/web/app.js, so they are development dependencies.
 */
const PAGE_BUNDLED = ['preact'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** The modules a file loads at run time (type-only imports are erased by the build). */
function runtimeImports(file: string): string[] {
  // Comments go first: a JSDoc @example may show an import of the package itself.
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/gm),
  ];
  return specifiers.map((m) => (m[1] ?? m[2])!);
}

const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

describe('imports', () => {
  it('src imports only node: builtins, relative files and runtime dependencies', () => {
    const allowed = new Set(Object.keys(pkg.dependencies ?? {}));
    const page = join(root, 'src/demo/web');
    const offending = sourceFiles(join(root, 'src')).flatMap((file) =>
      runtimeImports(file)
        .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !allowed.has(packageName(s)))
        .filter((s) => !(file.startsWith(page) && PAGE_BUNDLED.includes(packageName(s))))
        .map((s) => `${relative(root, file)}: ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it('the packages bundled into the page are pinned development dependencies, not runtime ones', () => {
    for (const name of PAGE_BUNDLED) {
      expect(pkg.devDependencies?.[name], name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(pkg.dependencies?.[name], name).toBeUndefined();
    }
  });

  it('core and sim import no node: module, so they run in browsers', () => {
    const files = [...sourceFiles(join(root, 'src/core')), ...sourceFiles(join(root, 'src/sim'))];
    expect(files.length).toBeGreaterThan(10);
    const offending = files.flatMap((file) =>
      runtimeImports(file)
        .filter((s) => s.startsWith('node:'))
        .map((s) => `${relative(root, file)}: ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it('finds the imports it checks (the scanner itself works)', () => {
    expect(runtimeImports(join(root, 'src/core/code.ts'))).toContain('./hmac.js');
    expect(runtimeImports(join(root, 'src/cli/args.ts'))).toContain('node:util');
  });
});
