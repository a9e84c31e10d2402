// Child processes in tests cannot import TypeScript sources (the build runs after the unit tests),
// so this transpiles one source module and every module it imports into plain ESM in a directory.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/**
 * Transpiles `entry` (a path under src/, like 'node/file-store.ts') and its relative imports into
 * `outDir`, keeping the layout, and returns the path of the entry's .js file.
 */
export async function compileForChild(entry: string, outDir: string): Promise<string> {
  const pending = [resolve(SRC, entry)];
  const done = new Set<string>();
  while (pending.length > 0) {
    const source = pending.pop()!;
    if (done.has(source)) continue;
    done.add(source);
    let text = await readFile(source, 'utf8');
    // A JSON import (the CLI's version from package.json) is inlined, as the build does.
    for (const m of [...text.matchAll(/^import \{([^}]*)\} from '(\.[^']+\.json)';$/gm)]) {
      const json = await readFile(resolve(dirname(source), m[2]!), 'utf8');
      text = text.replace(m[0], `const {${m[1]}} = ${json.trim()};`);
    }
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (fileName.startsWith('.')) pending.push(resolve(dirname(source), fileName.replace(/\.js$/, '.ts')));
    }
    const { outputText } = ts.transpileModule(text, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
      fileName: source,
    });
    const target = join(outDir, relative(SRC, source)).replace(/\.ts$/, '.js');
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, outputText);
  }
  return join(outDir, entry.replace(/\.ts$/, '.js'));
}
