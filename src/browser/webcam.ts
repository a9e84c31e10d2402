/**
 * The webcam, only when the user allows it: getUserMedia shows the browser's own permission
 * prompt, and the stream stays in the page (a video element), never sent anywhere.
 */
import { InvalidStateError } from '../core/errors.js';
import { scanVideoFrame, type VideoSource } from './scan-sources.js';

/** A running webcam preview. */
export interface Webcam {
  /** Stops the camera (its light goes off) and the scanning loop. */
  stop(): void;
}

/** Options of {@link startWebcam}. */
export interface WebcamOptions {
  /** Called once with the text of the first QR code seen; the camera then stops. */
  onCode(text: string): void;
  /** How often a frame is scanned, in ms (default 300). */
  intervalMs?: number;
}

/**
 * Asks for the camera, shows it in `video` and scans a frame every `intervalMs` until a QR code is seen.
 * @throws {InvalidStateError} when the browser has no camera API (the promise rejects); a refused
 *   permission rejects with the browser's own NotAllowedError
 */
export async function startWebcam(video: HTMLVideoElement, options: WebcamOptions): Promise<Webcam> {
  const media = globalThis.navigator?.mediaDevices;
  if (typeof media?.getUserMedia !== 'function')
    throw new InvalidStateError(
      'this browser offers no camera (getUserMedia needs a secure context such as http://127.0.0.1)',
    );
  const stream = await media.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  await video.play().catch(() => undefined);
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
  // One frame at a time: a slow scan (the reader's first load, a large frame) is not overlapped by
  // the next tick, and nothing is reported after stop().
  let busy = false;
  timer = setInterval(() => {
    if (busy) return;
    busy = true;
    // ZXing-C++ alone per frame: a frame without a code (most of them) then costs least.
    scanVideoFrame(video as VideoSource, { cascade: false })
      .then((text) => {
        if (text === null || timer === undefined) return;
        stop();
        options.onCode(text);
      })
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, options.intervalMs ?? 300);
  return { stop };
}
