/**
 * A picture as plain data: RGBA pixels, 4 bytes each, row by row, as a canvas's ImageData or a
 * decoded PNG gives them. This is how QR images cross between the layers without any of them
 * depending on a QR or image library.
 */
export interface RgbaImage {
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

/**
 * What a simulated person or phone needs to see and read QR codes: the provider's page draws a
 * key URI as a QR image, and the phone's camera reads text back from pixels. `totp-lab/qr` gives
 * one built on qrcode and ZXing-C++; the simulator takes it as a parameter so it never imports them.
 */
export interface QrCamera {
  /** Draws `text` as a QR code image. */
  render(text: string): RgbaImage;
  /** Reads a QR code from pixels; null when there is none. A camera may answer asynchronously. */
  scan(image: RgbaImage): string | null | Promise<string | null>;
}
