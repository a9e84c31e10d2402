/** A {@link QrCamera} built on renderQr and scanQr, for the simulator's phones and provider pages. */
import type { QrCamera, RgbaImage } from '../core/image.js';
import { renderQr } from './render.js';
import { scanQr } from './scan.js';

/**
 * Draws texts as QR pixels (level M, 4 pixels per module, a 4-module quiet zone) and reads QR
 * codes back from pixels with {@link scanQr}, so simulated enrolments pass through real images.
 *
 * @example
 * import { qrCamera } from 'totp-lab/qr';
 * const picture = qrCamera.render(keyUri); // what the provider's page shows
 * await qrCamera.scan(picture);            // what the phone reads: keyUri
 */
export const qrCamera: QrCamera = {
  render(text: string): RgbaImage {
    return renderQr(text, { format: 'pixels' });
  },
  scan(image: RgbaImage): Promise<string | null> {
    return scanQr(image);
  },
};
