// (4) scanQr from totp-lab/qr against plain jsQR, on the same 1280×720 RGBA frame holding a
// key-URI QR code. It needs dist/qr.js with scanQr and renderQr; until the package has them, the
// section reports itself as skipped. To add it: render a key URI with renderQr, place it on a
// 1280×720 frame, check both decoders read it, then time scanQr(frame) and
// jsQR(frame.data, 1280, 720) with compare() from ./measure.mjs.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const QR_ENTRY = new URL('../dist/qr.js', import.meta.url);

/** { skipped } or { scanQrOps, jsQrOps, ratio }. */
export async function benchScan() {
  if (!existsSync(fileURLToPath(QR_ENTRY))) return { skipped: 'dist/qr.js (totp-lab/qr) is not built yet' };
  const qr = await import(QR_ENTRY.href);
  if (typeof qr.scanQr !== 'function') return { skipped: 'dist/qr.js has no scanQr' };
  return { skipped: 'scanQr exists, but this section has not been written against it yet' };
}
