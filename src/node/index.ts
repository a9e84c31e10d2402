// totp-lab/node: Node adapters (image files).

export { decodeImage, readImageFile, scanQrFile, writeQrFile, MAX_IMAGE_FILE_BYTES } from './image-file.js';
export { sniffImageType, readImageSize } from './image-header.js';
export type { WriteQrFileOptions } from './image-file.js';
export type { ImageType } from './image-header.js';
