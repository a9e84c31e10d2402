/**
 * The layer map of src/ and a checker for it. Every folder is a layer; a layer may import its own
 * files and the layers listed for it, nothing else, so imports point downwards only:
 *
 *   demo/web, demo/terminal   the package's public entry points only (what a user could import)
 *   cli                       everything but testing
 *   node                      core, sim, qr, server          (the Node adapter)
 *   browser                   core, sim, qr                  (the browser adapter)
 *   server                    core, sim
 *   probe                     core, sim, qr                  (the audit of another verifier)
 *   qr                        core
 *   sim                       core (never qr: a phone is handed a camera instead)
 *   core                      nothing
 *   testing                   core, sim, probe (and nothing in src imports it)
 *
 * Besides: core, sim, server, qr, browser, probe and testing take no Node built-in module (they run in
 * browsers and edge runtimes), core and sim use no DOM global, and the packages each layer may load
 * are listed (a QR library only in qr; database drivers and image codecs only in the Node side).
 *
 * The checker works on plain { path, text } pairs, so a test can feed it made-up files and see it
 * catch what it should.
 */
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import ts from 'typescript';

export type Layer =
  | 'entry'
  | 'core'
  | 'sim'
  | 'qr'
  | 'server'
  | 'browser'
  | 'node'
  | 'probe'
  | 'testing'
  | 'cli'
  | 'demo/web'
  | 'demo/terminal';

/** A source file, by its path from the repository root (always with forward slashes). */
export interface SourceFile {
  path: string;
  text: string;
}

/** One broken rule. `key` names the file (and the import), stable enough to list as a known exception. */
export interface Violation {
  key: string;
  message: string;
}

/** The package's public entry modules (package.json "exports"), by the name a user imports. */
export const PUBLIC_ENTRIES: Readonly<Record<string, string>> = {
  'totp-lab': 'src/index.ts',
  'totp-lab/scenarios': 'src/sim/scenarios/index.ts',
  'totp-lab/qr': 'src/qr/index.ts',
  'totp-lab/node': 'src/node/index.ts',
  'totp-lab/browser': 'src/browser/index.ts',
  'totp-lab/server': 'src/server/index.ts',
  // totp-lab/testing is public too, but not for the apps: nothing in src may use the test kit.
};

/** What each layer may import besides its own files. */
export const MAY_IMPORT: Readonly<Record<Layer, readonly Layer[]>> = {
  core: [],
  sim: ['core'],
  qr: ['core'],
  // src/index.ts is the core + sim entry point.
  entry: ['core', 'sim'],
  server: ['entry', 'core', 'sim'],
  browser: ['entry', 'core', 'sim', 'qr'],
  node: ['entry', 'core', 'sim', 'qr', 'server'],
  // The probe reads enrolment QR codes, so it may use qr; it runs wherever fetch does.
  probe: ['core', 'sim', 'qr'],
  testing: ['entry', 'core', 'sim', 'probe'],
  cli: ['entry', 'core', 'sim', 'qr', 'server', 'node', 'browser', 'probe', 'demo/terminal', 'demo/web'],
  // The demo apps reach the library only through its public entry points (see DEMO_ENTRIES).
  'demo/web': [],
  'demo/terminal': [],
};

/** The public entry modules each demo app may import: the web page runs in a browser, so not the Node adapter. */
export const DEMO_ENTRIES: Readonly<Record<'demo/web' | 'demo/terminal', readonly string[]>> = {
  'demo/web': Object.entries(PUBLIC_ENTRIES)
    .filter(([name]) => name !== 'totp-lab/node')
    .map(([, path]) => path),
  'demo/terminal': Object.values(PUBLIC_ENTRIES),
};

/** Layers that run anywhere (browsers, Deno, edge runtimes): no Node built-in module, no Node global. */
export const RUNTIME_AGNOSTIC: readonly Layer[] = [
  'entry',
  'core',
  'sim',
  'qr',
  'server',
  'browser',
  'probe',
  'testing',
];

/** Layers that must not touch the DOM either. */
export const NO_DOM: readonly Layer[] = ['entry', 'core', 'sim', 'server', 'probe'];

/** The packages each layer may load; '*' means any (package.json and test/core/dependencies.test.ts keep that list honest). */
export const MAY_LOAD: Readonly<Record<Layer, readonly string[]>> = {
  entry: [],
  // The encrypted and zipped export formats: scrypt and Argon2id, XChaCha20-Poly1305, zip archives.
  core: ['@noble/hashes', '@noble/ciphers', 'fflate'],
  sim: [],
  qr: ['qrcode', 'jsqr', 'zxing-wasm'],
  server: [],
  browser: [],
  probe: [],
  testing: [],
  node: ['*'],
  cli: ['*'],
  // The page's view library, bundled into dist/web/app.js by scripts/build-web.mjs.
  'demo/web': ['preact'],
  'demo/terminal': [],
};

/** Globals that exist only in browsers. */
export const DOM_GLOBALS: ReadonlySet<string> = new Set([
  'document',
  'window',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'history',
  'HTMLElement',
  'HTMLCanvasElement',
  'HTMLVideoElement',
  'HTMLImageElement',
  'HTMLInputElement',
  'Element',
  'Document',
  'Window',
  'CanvasRenderingContext2D',
  'OffscreenCanvas',
  'ImageData',
  'ImageBitmap',
  'createImageBitmap',
  'FileReader',
  'MediaStream',
  'requestAnimationFrame',
  'alert',
  'getComputedStyle',
  'customElements',
  'DOMParser',
  'MutationObserver',
]);

/** Globals that exist only in Node. */
export const NODE_GLOBALS: ReadonlySet<string> = new Set([
  'process',
  'Buffer',
  '__dirname',
  '__filename',
  'require',
  'module',
  'setImmediate',
]);

const NODE_BUILTINS = new Set(builtinModules);

/** The layer of a file under src/, or null when the map does not cover it. */
export function layerOf(path: string): Layer | null {
  if (path === 'src/index.ts') return 'entry';
  const parts = path.split('/');
  if (parts[0] !== 'src' || parts.length < 3) return null;
  const top = parts[1]!;
  if (top === 'demo') {
    const app = `demo/${parts[2]}`;
    return parts.length > 3 && (app === 'demo/web' || app === 'demo/terminal') ? app : null;
  }
  const layers: readonly string[] = ['core', 'sim', 'qr', 'server', 'browser', 'node', 'probe', 'testing', 'cli'];
  return layers.includes(top) ? (top as Layer) : null;
}

/** The module specifiers a file imports or re-exports, type-only and dynamic imports included. */
export function importsOf(text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map((f) => f.fileName);
}

/** Where a relative specifier leads, among the known files; null when it leads nowhere. */
export function resolveRelative(from: string, specifier: string, known: ReadonlySet<string>): string | null {
  const target = posix.normalize(posix.join(posix.dirname(from), specifier));
  const stem = target.replace(/\.(c|m)?js$/, '');
  const candidates = [target, `${stem}.ts`, `${stem}.d.ts`, `${stem}.tsx`, `${target}.ts`, `${target}/index.ts`];
  return candidates.find((c) => known.has(c)) ?? null;
}

const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * Checks every file against the map. Files outside src/ and files that are not TypeScript are
 * ignored; a TypeScript file under src/ that no layer covers is itself a violation.
 */
export function checkLayers(files: readonly SourceFile[]): Violation[] {
  const sources = files.filter((f) => f.path.startsWith('src/') && /\.tsx?$/.test(f.path));
  const known = new Set(sources.map((f) => f.path));
  const violations: Violation[] = [];
  for (const file of sources) {
    const layer = layerOf(file.path);
    if (layer === null) {
      violations.push({
        key: file.path,
        message: `${file.path} is in no layer of the map: put it in a known folder or add its folder to MAY_IMPORT`,
      });
      continue;
    }
    for (const specifier of importsOf(file.text)) {
      const v = checkImport(file.path, layer, specifier, known);
      if (v) violations.push(v);
    }
    for (const name of globalsUsed(file.text)) {
      if (NO_DOM.includes(layer) && DOM_GLOBALS.has(name)) {
        violations.push({
          key: `${file.path} uses ${name}`,
          message: `${file.path} (${layer}) uses the DOM global ${name}; ${layer} must run without a DOM`,
        });
      }
      if (RUNTIME_AGNOSTIC.includes(layer) && NODE_GLOBALS.has(name)) {
        violations.push({
          key: `${file.path} uses ${name}`,
          message: `${file.path} (${layer}) uses the Node global ${name}; ${layer} must run outside Node`,
        });
      }
    }
  }
  return violations;
}

function checkImport(path: string, layer: Layer, specifier: string, known: ReadonlySet<string>): Violation | null {
  const edge = (to: string, why: string): Violation => ({
    key: `${path} → ${to}`,
    message: `${path} (${layer}) imports ${specifier}: ${why}`,
  });
  const isNode =
    specifier.startsWith('node:') || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]!);
  if (isNode) {
    return RUNTIME_AGNOSTIC.includes(layer) || layer === 'demo/web'
      ? edge(specifier, `${layer} must run outside Node, so it takes no Node built-in module`)
      : null;
  }
  let target: string | null;
  if (specifier.startsWith('.')) {
    // The CLI reads its own version from the package manifest, the one file it needs from outside src/.
    if (layer === 'cli' && /^(\.\.\/)+package\.json$/.test(specifier)) return null;
    target = resolveRelative(path, specifier, known);
    if (target === null) return edge(specifier, 'no such file under src/');
  } else if (specifier === 'totp-lab' || specifier.startsWith('totp-lab/')) {
    target = PUBLIC_ENTRIES[specifier] ?? null;
    if (target === null || !known.has(target))
      return edge(specifier, 'not a public entry point of this package (totp-lab/testing is for test suites only)');
  } else {
    const name = packageName(specifier);
    const allowed = MAY_LOAD[layer];
    return allowed.includes('*') || allowed.includes(name)
      ? null
      : edge(name, `${layer} may load only ${allowed.length ? allowed.join(', ') : 'no package'}`);
  }
  const targetLayer = layerOf(target);
  if (targetLayer === layer) return null;
  if (layer === 'demo/web' || layer === 'demo/terminal') {
    return DEMO_ENTRIES[layer].includes(target)
      ? null
      : edge(target, `a demo app uses only the public entry points (${DEMO_ENTRIES[layer].join(', ')})`);
  }
  if (targetLayer !== null && MAY_IMPORT[layer].includes(targetLayer)) return null;
  return edge(
    target,
    `${layer} may import only ${MAY_IMPORT[layer].length ? MAY_IMPORT[layer].join(', ') : 'itself'}, not ${targetLayer ?? 'a file outside the map'}`,
  );
}

/**
 * The free names a file refers to that could be globals: identifiers in expressions and types,
 * minus property names, declared names and names the file declares itself. `globalThis.x` and
 * `window.x` count as a use of `x`.
 */
export function globalsUsed(text: string): Set<string> {
  const source = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const declared = new Set<string>();
  const used = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const named = parent as ts.Node & { name?: ts.Node; propertyName?: ts.Node };
      if (ts.isPropertyAccessExpression(parent) && parent.name === node) {
        if (ts.isIdentifier(parent.expression) && ['globalThis', 'window', 'self'].includes(parent.expression.text))
          used.add(node.text);
      } else if (ts.isQualifiedName(parent) && parent.right === node) {
        // a.B in a type: B is a member, not a global
      } else if (ts.isShorthandPropertyAssignment(parent)) {
        used.add(node.text); // { document } reads the variable document
      } else if (named.name === node || named.propertyName === node) {
        // A declaration's own name (variable, parameter, property, import, …), or a property key.
        if (
          !ts.isPropertyAssignment(parent) &&
          !ts.isPropertySignature(parent) &&
          !ts.isMethodDeclaration(parent) &&
          !ts.isPropertyDeclaration(parent) &&
          !ts.isMethodSignature(parent) &&
          !ts.isAccessor(parent)
        ) {
          declared.add(node.text);
        }
      } else {
        used.add(node.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const name of declared) used.delete(name);
  return used;
}
