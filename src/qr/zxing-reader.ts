/**
 * ZXing-C++ (the zxing-wasm package, reader-only build) loaded on first use. Its WebAssembly file
 * always comes from the package itself, never from a CDN (the package's own default): in Node it is
 * read from disk next to the package's JavaScript, so the two always match; in a browser it comes
 * from beside the page's script (see {@link browserWasmBytes}), or from where {@link setQrReaderWasm}
 * says. Nothing is fetched until the first scan.
 */
import type { RgbaImage } from '../core/image.js';
import { InvalidArgumentError, describeValue } from '../core/errors.js';

/** The WebAssembly file name inside zxing-wasm's reader build (and beside the demo's app.js). */
export const QR_READER_WASM_FILE = 'zxing_reader.wasm';
/**
 * The same bytes as an ES module (`export default` base64 text), which the build puts beside the
 * demo's script: a page loads it under `script-src 'self'` alone, so its CSP need not open
 * `connect-src` (the demo page makes no connections) just for the reader.
 */
export const QR_READER_WASM_MODULE = 'zxing_reader.wasm.js';

/** Where the reader's WebAssembly comes from: a URL to fetch, or its bytes. */
export type QrReaderWasm = string | URL | ArrayBuffer | Uint8Array;

/** One code as ZXing-C++ reported it, reduced to what the checks and the callers need. */
export interface ZxingCode {
  text: string;
  /** Top-left corner, for reading order. */
  x: number;
  y: number;
  /** Part of a structured-append sequence (−1 when not). */
  sequenceSize: number;
}

type ReadCodes = (image: RgbaImage) => Promise<ZxingCode[]>;

let configured: QrReaderWasm | undefined;
let loading: Promise<ReadCodes> | undefined;

/**
 * Tells the QR reader where its WebAssembly file is, before the first scan: a URL on your own
 * origin (copy `zxing-wasm/dist/reader/zxing_reader.wasm` there) or the file's bytes. Without it,
 * Node reads the file from the installed zxing-wasm package and a browser fetches
 * `zxing_reader.wasm` from beside the bundled script.
 * @throws {InvalidArgumentError} for another kind of value
 */
export function setQrReaderWasm(source: QrReaderWasm): void {
  const ok =
    typeof source === 'string'
      ? source !== ''
      : source instanceof URL || source instanceof ArrayBuffer || source instanceof Uint8Array;
  if (!ok)
    throw new InvalidArgumentError(
      `"source" must be a URL or the bytes of ${QR_READER_WASM_FILE}, got ${describeValue(source)}`,
    );
  configured = source;
  loading = undefined;
}

/**
 * The ZXing-C++ reader, loaded once. Rejects when WebAssembly is unavailable or the file cannot be
 * fetched or compiled (a page whose CSP forbids WebAssembly, say); callers then fall back to jsQR.
 * A failed load is remembered, so a webcam loop does not refetch on every frame.
 */
export function loadZxing(): Promise<ReadCodes> {
  loading ??= load(configured);
  return loading;
}

async function load(source: QrReaderWasm | undefined): Promise<ReadCodes> {
  if (typeof WebAssembly !== 'object') throw new Error('this runtime has no WebAssembly');
  const zxing = await import('zxing-wasm/reader');
  const bytes =
    source === undefined
      ? ((await nodeWasmBytes()) ?? (await browserWasmBytes()))
      : typeof source === 'string' || source instanceof URL
        ? null
        : source;
  const url = typeof source === 'string' || source instanceof URL ? String(source) : null;
  const overrides =
    bytes !== null
      ? { wasmBinary: toArrayBuffer(bytes), printErr: quiet }
      : // The package's default would fetch from a CDN; this keeps it on the page's own origin.
        {
          locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') && url !== null ? url : prefix + path),
          printErr: quiet,
        };
  await zxing.prepareZXingModule({ overrides, fireImmediately: true });
  return async (image) => {
    const results = await zxing.readBarcodes(
      { data: image.data, width: image.width, height: image.height, colorSpace: 'srgb' } as ImageData,
      {
        formats: ['QRCode'],
        // Plain: the bytes as text in their declared (ECI) or detected character set, not a
        // "human-readable" rendering; the text is what a phone would act on.
        textMode: 'Plain',
        tryHarder: true,
        tryRotate: true,
        tryInvert: true,
        tryDownscale: true,
        maxNumberOfSymbols: 32,
      },
    );
    return results
      .filter((r) => r.isValid)
      .map((r) => ({ text: r.text, x: r.position.topLeft.x, y: r.position.topLeft.y, sequenceSize: r.sequenceSize }));
  };
}

/** In Node (no fetch for files), the bytes of the wasm file inside the installed package; null elsewhere. */
async function nodeWasmBytes(): Promise<Uint8Array | null> {
  const isNode = typeof globalThis.process === 'object' && typeof globalThis.process?.versions?.node === 'string';
  if (!isNode) return null;
  // Computed specifiers: a browser bundle of this module must not try to resolve Node's built-ins
  // (and the build must not rewrite them to bare names that a browser bundler cannot resolve).
  const builtin = (name: string) => `node:${name}`;
  const [{ readFile }, { createRequire }] = (await Promise.all([
    import(/* @vite-ignore */ builtin('fs/promises')),
    import(/* @vite-ignore */ builtin('module')),
  ])) as [typeof import('node:fs/promises'), typeof import('node:module')];
  // Resolved the way Node resolves the package's JavaScript, so the binary matches its glue code.
  const require = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
  return readFile(require.resolve(`zxing-wasm/reader/${QR_READER_WASM_FILE}`));
}

/**
 * In a browser, the bytes from the {@link QR_READER_WASM_MODULE} module beside the running script;
 * null where there is none (the reader then fetches {@link QR_READER_WASM_FILE} from beside it).
 */
async function browserWasmBytes(): Promise<Uint8Array | null> {
  try {
    const href = new URL(QR_READER_WASM_MODULE, import.meta.url).href;
    // A computed specifier: bundlers leave this import to the browser, at run time.
    const module = (await import(/* @vite-ignore */ href)) as { default?: unknown };
    if (typeof module.default !== 'string') return null;
    const text = atob(module.default);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** A failed load is answered by the jsQR fallback, not by Emscripten's messages on stderr or the console. */
function quiet(): void {}

function toArrayBuffer(bytes: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
