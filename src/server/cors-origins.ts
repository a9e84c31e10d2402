/**
 * What may stand on a CORS allowlist: an origin (scheme, host and port, as browsers send it in
 * `Origin`), never `null`. Browsers send `Origin: null` from sandboxed frames, file: pages, data:
 * URLs and some redirects: allowing it would give every such page credentialed access.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';

/** Why `null` is refused, for messages. */
export const NULL_ORIGIN_REASON = 'null is what sandboxed frames, file: pages and data: URLs send';
/** An origin, for messages. */
export const ORIGIN_EXAMPLE = 'https://trainer.example.hu';

/** Why `value` cannot stand on a CORS allowlist (`'null'` or `'shape'`), or null when it can. */
export function originProblem(value: unknown): 'null' | 'shape' | null {
  if (value === 'null') return 'null';
  if (typeof value !== 'string' || value.length > 255) return 'shape';
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value ? null : 'shape';
  } catch {
    return 'shape';
  }
}

/**
 * Checks a CORS allowlist given as `field`.
 * @throws {InvalidArgumentError} naming the field, for `null` or anything but an origin
 */
export function checkOrigins(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 100)
    throw new InvalidArgumentError(`"${field}" must be a list of origins, got ${describeValue(value)}`);
  for (const origin of value) {
    const problem = originProblem(origin);
    if (problem === 'null')
      throw new InvalidArgumentError(
        `"${field}" must hold origins like ${ORIGIN_EXAMPLE}, not null: ${NULL_ORIGIN_REASON}`,
      );
    if (problem === 'shape')
      throw new InvalidArgumentError(
        `"${field}" must hold origins like ${ORIGIN_EXAMPLE} (scheme, host and port only), got ${describeValue(origin)}`,
      );
  }
  return value as string[];
}
