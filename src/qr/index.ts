// totp-lab/qr: QR codes drawn with qrcode and read with ZXing-C++ (zxing-wasm), jsQR as fallback; runs in browsers and Node.

export { renderQr, MAX_QR_SCALE } from './render.js';
export { scanQr, scanQrAll, QR_CONTENTS } from './scan.js';
export { scanQrSync } from './jsqr-scan.js';
export { setQrReaderWasm, QR_READER_WASM_FILE } from './zxing-reader.js';
export type { ScanQrOptions, QrContent } from './scan.js';
export type { QrReaderWasm } from './zxing-reader.js';
export { qrCamera } from './camera.js';
export { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, checkImageSize } from './image-check.js';
export { ERROR_CORRECTION_LEVELS } from './error-correction.js';

export type { RenderQrOptions, QrFormat } from './render.js';
export type { ErrorCorrection } from './error-correction.js';
export type { RgbaImage, QrCamera } from '../core/image.js';
