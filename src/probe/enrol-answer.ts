/**
 * What an enrolment answered, read into a key URI and the other fields: a key URI as text, a JSON
 * object with a key URI somewhere in it (or a PNG/JPEG data URL of a QR code), or a PNG or JPEG
 * picture of a QR code, read with the project's QR reader.
 */
import type { RgbaImage } from '../core/image.js';
import { ProbeTargetError, oneLine } from './errors.js';

/** A key URI and the answer's top-level text fields (placeholders for the verifier's templates). */
export interface EnrolAnswer {
  keyUri: string;
  fields: Record<string, string>;
}

export type ImageDecoder = (bytes: Uint8Array) => RgbaImage | Promise<RgbaImage>;

const KEY_URI = /^otpauth:\/\//i;
const DATA_URL = /^data:image\/(?:png|jpeg);base64,([A-Za-z0-9+/=\s]+)$/;
const MAX_JSON_NODES = 2000;

/**
 * @param what the enrolment's description, for messages
 * @throws {ProbeTargetError} when the answer holds no key URI
 */
export async function readEnrolAnswer(
  answer: string | Uint8Array,
  what: string,
  decodeImage: ImageDecoder | undefined,
): Promise<EnrolAnswer> {
  const bytes = typeof answer === 'string' ? null : answer;
  if (bytes !== null && isImage(bytes)) return { keyUri: await readQr(bytes, what, decodeImage), fields: {} };
  const text = (typeof answer === 'string' ? answer : new TextDecoder().decode(answer)).trim();
  if (KEY_URI.test(text)) return { keyUri: text.split(/\s/)[0]!, fields: {} };
  if (text.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ProbeTargetError(`${what} answered text that starts like JSON but is not JSON`);
    }
    const found = findKeyUri(json);
    const keyUri =
      found?.kind === 'uri' ? found.text : found ? await readQr(fromBase64(found.text), what, decodeImage) : null;
    if (keyUri !== null) return { keyUri, fields: topLevelFields(json as Record<string, unknown>) };
  }
  throw new ProbeTargetError(
    `${what} answered no key URI (otpauth://…, as text, in a JSON field or as a QR code picture): ${JSON.stringify(oneLine(text, 60))}`,
  );
}

function isImage(bytes: Uint8Array): boolean {
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  return png || jpeg;
}

async function readQr(bytes: Uint8Array, what: string, decodeImage: ImageDecoder | undefined): Promise<string> {
  if (decodeImage === undefined)
    throw new ProbeTargetError(
      `${what} answered a picture, and no image decoder was given (decodeImage from totp-lab/node)`,
    );
  // The QR reader (and its WebAssembly) loads only when an enrolment answers a picture.
  const { scanQr } = await import('../qr/scan.js');
  const text = await scanQr(await decodeImage(bytes), { expect: 'key-uri' });
  if (text === null) throw new ProbeTargetError(`${what} answered a picture without a readable QR code`);
  return text;
}

/** The first key URI (or QR data URL) in a JSON value, breadth first: the top level wins. */
function findKeyUri(json: unknown): { kind: 'uri' | 'image'; text: string } | null {
  const queue: unknown[] = [json];
  let image: string | null = null;
  for (let seen = 0; queue.length > 0 && seen < MAX_JSON_NODES; seen++) {
    const value = queue.shift();
    if (typeof value === 'string') {
      if (KEY_URI.test(value)) return { kind: 'uri', text: value };
      image ??= DATA_URL.exec(value)?.[1] ?? null;
    } else if (typeof value === 'object' && value !== null) {
      for (const child of Object.values(value)) if (queue.length < MAX_JSON_NODES) queue.push(child);
    }
  }
  return image === null ? null : { kind: 'image', text: image };
}

/** Top-level strings and numbers, as text: `{password}` in a template reads the answer's `password`. */
function topLevelFields(json: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(json)) {
    if (!/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/.test(key)) continue;
    if (typeof value === 'string' && !KEY_URI.test(value) && !value.startsWith('data:') && value.length <= 4096)
      fields[key] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) fields[key] = String(value);
  }
  return fields;
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text.replace(/\s+/g, ''));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
