// No import circles in the simulator: each part (the provider's flows, the phone's functions, the
// scenarios) can be read from its imports downwards, without a file that needs itself.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, resolveRelative } from './layer-map.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function readTree(dir: string): Array<{ path: string; text: string }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return readTree(full);
    return entry.name.endsWith('.ts')
      ? [{ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') }]
      : [];
  });
}

/** Every import circle among `files`, each as the list of files around it, by depth-first search. */
export function findCycles(files: ReadonlyArray<{ path: string; text: string }>): string[][] {
  const known = new Set(files.map((f) => f.path));
  const edges = new Map(
    files.map((f) => [
      f.path,
      importsOf(f.text)
        .filter((s) => s.startsWith('.'))
        .map((s) => resolveRelative(f.path, s, known))
        .filter((p): p is string => p !== null),
    ]),
  );
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push(stack.slice(stack.indexOf(next)));
      else if (state.get(next) === undefined) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const f of files) if (state.get(f.path) === undefined) visit(f.path);
  return cycles;
}

describe('import circles', () => {
  it('finds a circle when there is one', () => {
    const made = [
      { path: 'src/sim/a.ts', text: "import { b } from './b.js';" },
      { path: 'src/sim/b.ts', text: "import type { A } from './a.js';" },
      { path: 'src/sim/c.ts', text: "import { b } from './b.js';" },
    ];
    expect(findCycles(made)).toEqual([['src/sim/a.ts', 'src/sim/b.ts']]);
    expect(findCycles(made.slice(1))).toEqual([]);
  });

  it('has none in the simulator', () => {
    expect(findCycles(readTree(join(root, 'src', 'sim')))).toEqual([]);
  });
});
