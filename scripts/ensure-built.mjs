// Makes sure dist/ holds what a script needs, building only what is missing or older than the
// sources: `npm run demo` starts in a second instead of rebuilding the type declarations, and
// never empties dist/ (the full build, `npm run build`, is the only one that cleans it).
//
//   node scripts/ensure-built.mjs cli [web] [--force]
//
// cli: dist/cli.js (one esbuild bundle, the same entry tsup builds); web: dist/web/.
// When dist/ is incomplete (a fresh clone), it runs the full build once, so dist/ is whole.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const wants = new Set(process.argv.slice(2).filter((a) => !a.startsWith('--')));
const force = process.argv.includes('--force');

/** The newest modification time under a folder (or of a file). */
function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(`${path}/${name}`)));
}
const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : -1);
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

// Every file a complete dist/ has: the library (ESM, CJS, types), the CLI and the demo page.
const COMPLETE = ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'cli.js', 'web/index.html', 'web/app.js'];
if (!COMPLETE.every((file) => existsSync(`${root}dist/${file}`))) {
  console.error('dist/ is incomplete: running the full build once (npm run build).');
  run('npm', ['run', '--silent', 'build']);
  process.exit(0);
}

const sources = Math.max(newest(`${root}src`), mtime(`${root}package.json`));
if (wants.has('cli') && (force || mtime(`${root}dist/cli.js`) < sources)) {
  // Split like the tsup build, so the QR and image libraries still load only when a command needs them.
  const result = await build({
    entryPoints: { cli: `${root}src/cli/bin.ts` },
    outdir: `${root}dist`,
    // Beside cli.js, like the tsup build's chunks: code in a chunk finds dist/web/ and the package
    // files at the same relative paths as code in cli.js.
    chunkNames: 'cli-[name]-[hash]',
    splitting: true,
    write: false,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies stay imports, as in the tsup build.
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  // Chunks first, then cli.js written beside and renamed into place: a command running the old
  // file never reads half a file or a chunk that is not there yet.
  const main = `${root}dist/cli.js`;
  for (const file of result.outputFiles.filter((f) => f.path !== main)) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.contents);
  }
  const partial = `${main}.${process.pid}.tmp`;
  writeFileSync(partial, result.outputFiles.find((f) => f.path === main).contents, { mode: 0o755 });
  renameSync(partial, main);
}
if (wants.has('web') && (force || mtime(`${root}dist/web/app.js`) < newest(`${root}src`))) {
  run(process.execPath, ['scripts/build-web.mjs', '--quiet']);
}
