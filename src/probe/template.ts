/**
 * Request and command templates: `{name}` placeholders filled in per attempt, each escaped for the
 * place it stands in (a URL, a JSON body, a form body, a header, one program argument), so a code
 * typed as "123 456" or a username with a quote cannot change the shape of the request.
 */
import { ProbeTargetError } from './errors.js';

/** Values for the placeholders: code, username, secret, and the enrolment answer's fields. */
export type PlaceholderValues = Readonly<Record<string, string>>;

/** How a value is written where its placeholder stands. */
export type Escape = (value: string) => string;

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_.-]{0,63})\}/g;

/** The placeholder names a template uses, each once, in order. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Fills the placeholders; a name without a value is left as it is (checked earlier by {@link checkPlaceholders}). */
export function fill(text: string, values: PlaceholderValues, escape: Escape = (v) => v): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? escape(values[name]!) : whole,
  );
}

/** Placeholders a template may use whatever the accounts: the code, the username and the secret. */
export const ACCOUNT_PLACEHOLDERS: readonly string[] = ['code', 'username', 'secret'];

/**
 * Checks that every placeholder of `parts` has a value: the account's own, or one of `fields`
 * (an enrolment answer's; null when not known yet). `{code}` must appear somewhere.
 * @throws {ProbeTargetError} naming the flag and the placeholder
 */
export function checkPlaceholders(
  what: string,
  parts: readonly string[],
  fields: readonly string[] | null,
  requireCode = true,
): void {
  const used = parts.flatMap(placeholdersOf);
  if (requireCode && !used.includes('code'))
    throw new ProbeTargetError(`${what} has no {code} placeholder: the probe cannot send a code`);
  for (const name of used) {
    if (ACCOUNT_PLACEHOLDERS.includes(name) || fields === null || fields.includes(name)) continue;
    throw new ProbeTargetError(
      fields.length === 0
        ? `${what} uses {${name}}, but only {code}, {username} and {secret} are known without an enrolment`
        : `${what} uses {${name}}, which the enrolment answer does not hold (it has ${fields.join(', ')})`,
    );
  }
}

/** A URL part: percent-encoded. */
export const inUrl: Escape = (value) => encodeURIComponent(value);
/** Inside a JSON string: escaped as JSON escapes it, without the quotes. */
export const inJson: Escape = (value) => JSON.stringify(value).slice(1, -1);
/** A form field: percent-encoded. */
export const inForm: Escape = (value) => encodeURIComponent(value);
/** A header value or a program argument: as it is (header values are checked for line breaks). */
export const asIs: Escape = (value) => value;

/** The kind of body a template sends, from its Content-Type header or its look. */
export function bodyKind(body: string, contentType: string | undefined): 'json' | 'form' | 'text' {
  if (contentType !== undefined) {
    if (/json/i.test(contentType)) return 'json';
    if (/x-www-form-urlencoded/i.test(contentType)) return 'form';
    return 'text';
  }
  const start = body.trimStart()[0];
  if (start === '{' || start === '[') return 'json';
  return /^[^\s=&]+=[^\s]*$/.test(body.trim()) ? 'form' : 'text';
}

/** The Content-Type sent with a body of that kind when the template names none. */
export const CONTENT_TYPES = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  text: 'text/plain; charset=utf-8',
} as const;

/** Replaces the values of secret placeholders by dots, for evidence and messages. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of new Set([secret, inUrl(secret), inJson(secret)])) masked = masked.split(form).join('•••');
  }
  return masked;
}
