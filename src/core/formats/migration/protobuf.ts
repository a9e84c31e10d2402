/**
 * The few pieces of the protobuf wire format that a migration payload needs, written by hand so
 * the package has no protobuf dependency (https://protobuf.dev/programming-guides/encoding/).
 *
 * The reader is strict about bounds: every length is checked against what is left, varints longer
 * than 10 bytes are refused, and unknown fields are skipped (as protobuf readers must), so a
 * hostile payload gives an {@link InvalidMigrationError}, never a crash or a huge allocation.
 */
import { InvalidMigrationError } from '../../errors.js';

/** Wire types (encoding guide, "Message Structure"). Groups (3, 4) are long deprecated and refused. */
export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LENGTH = 2;
export const WIRE_FIXED32 = 5;

const WIRE_NAMES: Record<number, string> = {
  0: 'varint',
  1: 'fixed64',
  2: 'length-delimited',
  3: 'start-group',
  4: 'end-group',
  5: 'fixed32',
};

/** One field as read from the wire: its number, wire type, and either a varint or a byte slice. */
export type WireField =
  | { number: number; wire: typeof WIRE_VARINT; value: bigint }
  | { number: number; wire: typeof WIRE_LENGTH; bytes: Uint8Array }
  | { number: number; wire: typeof WIRE_FIXED64 | typeof WIRE_FIXED32; bytes: Uint8Array };

/** A readable name for a wire type, for error messages. */
export function wireName(wire: number): string {
  return WIRE_NAMES[wire] ?? `unknown (${wire})`;
}

/**
 * Reads every field of one message, in order. `where` names the message in errors
 * (`"otp_parameters[2]"`).
 * @throws {InvalidMigrationError} for a truncated message, an over-long varint, a length past the end
 *   or an unsupported wire type
 */
export function readFields(bytes: Uint8Array, where: string): WireField[] {
  const fields: WireField[] = [];
  let pos = 0;
  const varint = (what: string): bigint => {
    let result = 0n;
    for (let i = 0; i < 10; i++) {
      if (pos >= bytes.length)
        throw new InvalidMigrationError(`migration payload is truncated: ${where} ends inside a ${what}`);
      const byte = bytes[pos++]!;
      // The 10th byte may only carry the 64th bit.
      if (i === 9 && byte > 1)
        throw new InvalidMigrationError(`migration payload has a varint longer than 64 bits in ${where}`);
      result |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if ((byte & 0x80) === 0) return result;
    }
    throw new InvalidMigrationError(`migration payload has a varint longer than 10 bytes in ${where}`);
  };
  const take = (length: number, what: string): Uint8Array => {
    if (length > bytes.length - pos) {
      throw new InvalidMigrationError(
        `migration payload is truncated: ${what} in ${where} needs ${length} bytes, ${bytes.length - pos} left`,
      );
    }
    const slice = bytes.subarray(pos, pos + length);
    pos += length;
    return slice;
  };
  while (pos < bytes.length) {
    const key = varint('field key');
    const number = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (number < 1 || number > 536_870_911)
      throw new InvalidMigrationError(`migration payload has an invalid field number ${number} in ${where}`);
    if (wire === WIRE_VARINT) fields.push({ number, wire, value: varint(`field ${number}`) });
    else if (wire === WIRE_LENGTH) {
      const length = varint(`length of field ${number}`);
      if (length > BigInt(bytes.length - pos)) {
        throw new InvalidMigrationError(
          `migration payload is truncated: field ${number} in ${where} claims ${length} bytes, ${bytes.length - pos} left`,
        );
      }
      fields.push({ number, wire, bytes: take(Number(length), `field ${number}`) });
    } else if (wire === WIRE_FIXED64) fields.push({ number, wire, bytes: take(8, `field ${number}`) });
    else if (wire === WIRE_FIXED32) fields.push({ number, wire, bytes: take(4, `field ${number}`) });
    else
      throw new InvalidMigrationError(
        `migration payload has field ${number} with unsupported wire type ${wireName(wire)} in ${where}`,
      );
  }
  return fields;
}

/**
 * Builds a protobuf message field by field.
 * @example
 * new ProtoWriter().varint(2, 1).string(3, 'name').finish(); // Uint8Array [0x10, 0x01, 0x1a, 0x04, …]
 */
export class ProtoWriter {
  private readonly chunks: number[] = [];

  /** A varint field (int32, int64, uint64, enum). Negative numbers take 10 bytes, as int32 does on the wire. */
  varint(number: number, value: number | bigint): this {
    this.key(number, WIRE_VARINT);
    this.rawVarint(BigInt.asUintN(64, BigInt(value)));
    return this;
  }

  /** A length-delimited field holding bytes (or a nested message's bytes). */
  bytes(number: number, value: Uint8Array): this {
    this.key(number, WIRE_LENGTH);
    this.rawVarint(BigInt(value.length));
    for (const byte of value) this.chunks.push(byte);
    return this;
  }

  /** A length-delimited field holding UTF-8 text. */
  string(number: number, value: string): this {
    return this.bytes(number, new TextEncoder().encode(value));
  }

  /** The message's bytes. */
  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }

  private key(number: number, wire: number): void {
    this.rawVarint(BigInt(number) * 8n + BigInt(wire));
  }

  private rawVarint(value: bigint): void {
    let rest = value;
    while (rest > 0x7fn) {
      this.chunks.push(Number(rest & 0x7fn) | 0x80);
      rest >>= 7n;
    }
    this.chunks.push(Number(rest));
  }
}
