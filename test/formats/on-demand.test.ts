// What an app carries from the start: the virtual phone loads other apps' readers only when it
// imports such a file, and no entry loads the cryptography or zip reader of encrypted and zipped
// exports before one is read. Checked on a real bundle (esbuild, import() left out).
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { createAuthenticator, manualClock } from '../../src/index.js';

const index = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
const onDemandLeftOut: Plugin = {
  name: 'on-demand-left-out',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

/** The source files a bundle of `names` from totp-lab holds at load. */
async function loadedAtStart(names: string[]): Promise<string[]> {
  const result = await build({
    stdin: { contents: `export { ${names.join(', ')} } from ${JSON.stringify(index)};`, resolveDir: '.', loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [onDemandLeftOut],
  });
  // Modules the bundle reached but kept nothing of are listed with no bytes: they are not carried.
  const [output] = Object.values(result.metafile.outputs);
  return Object.entries(output!.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([file]) => file);
}

describe('loaded on demand', () => {
  it("the simulator's phone carries no other app's reader until one is imported", async () => {
    const inputs = await loadedAtStart(['createProvider', 'MemoryStore', 'createAuthenticator', 'manualClock']);
    expect(inputs.some((f) => f.endsWith('src/sim/phone/transfers.ts'))).toBe(true);
    const readers = [
      'read-accounts',
      'bitwarden',
      'two-fas',
      'andotp',
      'cxf',
      'steam-mafile',
      'proton-pass',
      'detect',
      'kdf',
    ];
    expect(inputs.filter((f) => readers.some((r) => f.endsWith(`src/core/formats/${r}.ts`)))).toEqual([]);
    expect(inputs.filter((f) => f.includes('node_modules'))).toEqual([]);
  });

  it('no entry point loads scrypt, Argon2id, the ciphers or the zip reader before a file needs them', async () => {
    const inputs = await loadedAtStart(['readExport', 'detectFormat', 'detectExport', 'writeExport', 'planTransfer']);
    expect(inputs.filter((f) => /node_modules\/(@noble|fflate)/.test(f))).toEqual([]);
  });

  it('and a phone still imports such a file when it comes', async () => {
    const phone = createAuthenticator({ clock: manualClock(0) });
    const cxf = JSON.stringify({
      version: { major: 1, minor: 0 },
      exporterRpId: 'x',
      exporterDisplayName: 'x',
      timestamp: 0,
      accounts: [
        {
          id: 'a',
          username: '',
          email: '',
          collections: [],
          items: [
            {
              id: 'i',
              title: 'T',
              credentials: [
                { type: 'totp', secret: 'JBSWY3DPEHPK3PXP', period: 30, digits: 6, username: 'u', algorithm: 'sha1' },
              ],
            },
          ],
        },
      ],
    });
    expect(() => phone.importText(cxf)).toThrow(/read other export files with importFile/);
    expect(await phone.importFile(cxf)).toMatchObject({ format: 'cxf', added: [{ issuer: 'T', account: 'u' }] });
  });
});
