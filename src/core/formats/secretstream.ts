/**
 * Opening one message of libsodium's crypto_secretstream_xchacha20poly1305, the stream Ente Auth
 * encrypts its export with (its `encryptionNonce` is the stream's 24-byte header). noble-ciphers
 * has the primitives (HChaCha20, ChaCha20, Poly1305) but not this construction, so it is put
 * together here from libsodium's description (secretstream/xchacha20poly1305 in libsodium's
 * source and documentation):
 *
 *   key'  = HChaCha20(key, header[0..16]),  nonce = counter 1 (4 bytes LE) ‖ header[16..24]
 *   block 0 of ChaCha20(key', nonce) is the Poly1305 key; the message tag is encrypted as the
 *   first byte of block 1 and the message from block 2 on;
 *   MAC = Poly1305(ad ‖ pad ‖ block 1 with the encrypted tag byte ‖ c ‖ pad' ‖ len(ad) ‖ 64 + len(c))
 *
 * The tests check it against libsodium itself (libsodium-wrappers), encrypting as Ente Auth does.
 */
import { InvalidMigrationError, WrongPasswordError } from '../errors.js';

/** The stream's header (Ente's nonce) and the per-message overhead: a tag byte and a 16-byte MAC. */
export const SECRETSTREAM_HEADER_BYTES = 24;
export const SECRETSTREAM_OVERHEAD = 17;
/** The last message of a stream; Ente also writes its one message with the plain "message" tag 0. */
const TAG_MESSAGE = 0;
const TAG_FINAL = 3;
// "expand 32-byte k", ChaCha's constants, as HChaCha20 takes them.
const SIGMA = new Uint32Array([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]);

const words = (bytes: Uint8Array) => new Uint32Array(new Uint8Array(bytes).buffer);
const le64 = (n: number) => {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(n), true);
  return out;
};

/**
 * Decrypts the single message of a secretstream (no additional data).
 * @throws {WrongPasswordError} when the MAC does not match: a wrong password, or an altered file
 * @throws {InvalidMigrationError} for a header or message of the wrong size, or a tag that is
 *   neither "message" nor "final"
 */
export async function openSecretStream(
  key: Uint8Array,
  header: Uint8Array,
  sealed: Uint8Array,
  what: string,
): Promise<Uint8Array> {
  if (key.length !== 32 || header.length !== SECRETSTREAM_HEADER_BYTES || sealed.length < SECRETSTREAM_OVERHEAD)
    throw new InvalidMigrationError(`${what}: the key, nonce (header) or encrypted data has the wrong length`);
  const [{ chacha20, hchacha }, { poly1305 }, { equalBytes }] = await Promise.all([
    import('@noble/ciphers/chacha'),
    import('@noble/ciphers/_poly1305'),
    import('@noble/ciphers/utils'),
  ]);
  const subkeyWords = new Uint32Array(8);
  hchacha(SIGMA, words(key), words(header.subarray(0, 16)), subkeyWords);
  const subkey = new Uint8Array(subkeyWords.buffer);
  const nonce = new Uint8Array(12);
  nonce[0] = 1;
  nonce.set(header.subarray(16, 24), 4);
  const length = sealed.length - SECRETSTREAM_OVERHEAD;
  const c = sealed.subarray(1, 1 + length);
  const block = chacha20(subkey, nonce, new Uint8Array(64), undefined, 1);
  const tag = block[0]! ^ sealed[0]!;
  block[0] = sealed[0]!;
  // libsodium pads with (16 - 64 + len(c)) mod 16 zero bytes, not to a multiple of 16; it keeps
  // that for compatibility, and so must a reader.
  const padding = length % 16;
  const authenticated = new Uint8Array(64 + length + padding + 16);
  authenticated.set(block);
  authenticated.set(c, 64);
  authenticated.set(le64(0), 64 + length + padding);
  authenticated.set(le64(64 + length), 64 + length + padding + 8);
  const polyKey = chacha20(subkey, nonce, new Uint8Array(32), undefined, 0);
  if (!equalBytes(poly1305(authenticated, polyKey), sealed.subarray(1 + length)))
    throw new WrongPasswordError(`${what}: wrong password (or the file was altered); nothing was imported`);
  if (tag !== TAG_MESSAGE && tag !== TAG_FINAL)
    throw new InvalidMigrationError(`${what}: the encrypted data is one part of a longer stream (tag ${tag})`);
  return chacha20(subkey, nonce, c, undefined, 2);
}
