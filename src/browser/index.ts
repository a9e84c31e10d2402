// totp-lab/browser: read QR codes from canvases, webcams and image files. The demo page itself lives in src/demo/web.

export {
  imageFromCanvas,
  imageFromVideo,
  imageFromFile,
  scanCanvas,
  scanVideoFrame,
  scanImageFile,
  drawQr,
} from './scan-sources.js';
export { startWebcam } from './webcam.js';
export { WebStorageStore } from './web-storage-store.js';

export type { PixelCanvas, VideoSource } from './scan-sources.js';
export type { Webcam, WebcamOptions } from './webcam.js';
export type { KeyValueStorage } from './web-storage-store.js';
export type { RgbaImage } from '../core/image.js';
