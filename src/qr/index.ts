// totp-lab/qr: QR codes drawn with qrcode and read with jsQR; runs in browsers and Node.

export { renderQr, MAX_QR_SCALE } from './render.js';
export { scanQr } from './scan.js';
export { qrCamera } from './camera.js';
export { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, checkImageSize } from './image-check.js';
export { ERROR_CORRECTION_LEVELS } from './error-correction.js';

export type { RenderQrOptions, QrFormat } from './render.js';
export type { ErrorCorrection } from './error-correction.js';
export type { RgbaImage, QrCamera } from '../core/image.js';
