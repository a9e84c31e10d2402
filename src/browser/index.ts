// totp-lab/browser: read QR codes from canvases, webcams and image files; mount the demo page.

export { imageFromCanvas, imageFromVideo, imageFromFile, scanCanvas, scanVideoFrame, scanImageFile, drawQr } from './scan-sources.js';
export { startWebcam } from './webcam.js';
export { WebStorageStore } from './web-storage-store.js';
export { mountDemo } from './demo/mount.js';
export { createTrainerClock } from './demo/trainer-clock.js';

export type { PixelCanvas, VideoSource } from './scan-sources.js';
export type { Webcam, WebcamOptions } from './webcam.js';
export type { KeyValueStorage } from './web-storage-store.js';
export type { MountDemoOptions, MountedDemo } from './demo/mount.js';
export type { TrainerClock, TrainerClockState } from './demo/trainer-clock.js';
export type { RgbaImage } from '../core/image.js';
