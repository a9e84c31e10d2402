/**
 * One HTTP request from a template (the verifier's or the enrolment's), sent with the platform's
 * fetch: the method and URL line, the body and the headers, each placeholder escaped for where it
 * stands. Redirects are not followed (a redirect to a login page is an answer, not a success).
 */
import { ProbeTargetError, oneLine } from './errors.js';
import {
  CONTENT_TYPES,
  asIs,
  bodyKind,
  checkPlaceholders,
  fill,
  inForm,
  inJson,
  inUrl,
  maskSecrets,
  type PlaceholderValues,
} from './template.js';
import type { HttpTemplate } from './types.js';

const METHOD = /^[A-Z]{3,10}$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
const MAX_ANSWER_BYTES = 1024 * 1024;

/** A template read once: its parts, checked. */
export interface ParsedHttpTemplate {
  method: string;
  url: string;
  body: string | undefined;
  headers: { name: string; value: string }[];
  /** `POST http://127.0.0.1:8080/login/code`, for reports (placeholders unfilled). */
  description: string;
}

/** What came back. */
export interface HttpAnswer {
  status: number;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * @param what the flag or option it came from, for messages (`--verify`)
 * @throws {ProbeTargetError} for a malformed request line, URL or header
 */
export function parseHttpTemplate(template: HttpTemplate, what: string): ParsedHttpTemplate {
  if (typeof template.request !== 'string' || template.request.length > 4096)
    throw new ProbeTargetError(`${what} must be "METHOD URL", such as "POST http://127.0.0.1:8080/login"`);
  const parts = template.request.trim().split(/\s+/);
  const [method, url] =
    parts.length === 1 ? [template.body === undefined ? 'GET' : 'POST', parts[0]!] : [parts[0]!, parts[1]!];
  if (parts.length > 2 || !METHOD.test(method))
    throw new ProbeTargetError(`${what} must be "METHOD URL", such as "POST http://127.0.0.1:8080/login"`);
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/\{[^{}]*\}/g, 'x'));
  } catch {
    throw new ProbeTargetError(`${what}: ${JSON.stringify(oneLine(url, 60))} is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new ProbeTargetError(`${what}: the URL must start with http:// or https://, got ${parsed.protocol}`);
  if (template.body !== undefined && (typeof template.body !== 'string' || template.body.length > 65_536))
    throw new ProbeTargetError(`${what}: the body must be a text of at most 64 KiB`);
  const headers = (template.headers ?? []).map((line) => {
    const match = typeof line === 'string' ? /^([^:]+):\s*(.*)$/s.exec(line) : null;
    if (!match || !HEADER_NAME.test(match[1]!.trim()) || /[\r\n\u0000]/.test(match[2]!))
      throw new ProbeTargetError(
        `${what}: a header must be "Name: value" on one line, got ${JSON.stringify(oneLine(String(line), 40))}`,
      );
    return { name: match[1]!.trim(), value: match[2]! };
  });
  // User and password in the URL stay out of the report.
  const shown = url.replace(/^(https?:\/\/)[^/@]*@/i, '$1•••@');
  return { method, url, body: template.body, headers, description: `${method} ${shown}` };
}

/** Every text of the template that may hold placeholders. */
export function templateParts(t: ParsedHttpTemplate): string[] {
  return [t.url, t.body ?? '', ...t.headers.map((h) => h.value)];
}

/** Checks the placeholders of a verifier's template (see {@link checkPlaceholders}). */
export function checkHttpPlaceholders(t: ParsedHttpTemplate, what: string, fields: readonly string[] | null): void {
  checkPlaceholders(what, templateParts(t), fields);
}

/**
 * Sends the template with `values` filled in.
 * @param secrets values masked in any error message
 * @throws {ProbeTargetError} when the host does not answer in time or cannot be reached
 */
export async function sendHttp(
  t: ParsedHttpTemplate,
  values: PlaceholderValues,
  options: { timeoutMs: number; secrets: readonly string[]; what: string },
): Promise<HttpAnswer> {
  const url = fill(t.url, values, inUrl);
  const contentType = t.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  const headers: [string, string][] = t.headers.map((h) => [h.name, toByteString(fill(h.value, values, asIs))]);
  for (const [, value] of headers)
    if (/[\r\n\u0000]/.test(value)) throw new ProbeTargetError(`${options.what}: a header value would span lines`);
  let body: string | undefined;
  if (t.body !== undefined) {
    const kind = bodyKind(t.body, contentType);
    body = fill(t.body, values, kind === 'json' ? inJson : kind === 'form' ? inForm : asIs);
    if (contentType === undefined) headers.push(['Content-Type', CONTENT_TYPES[kind]]);
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method: t.method,
      headers,
      ...(body !== undefined && { body }),
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const bytes = await readLimited(response);
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', bytes };
  } catch (error) {
    if (error instanceof ProbeTargetError) throw error;
    const reason =
      (error as Error)?.name === 'TimeoutError'
        ? `no answer within ${options.timeoutMs / 1000} s`
        : maskSecrets(networkReason(error), options.secrets);
    throw new ProbeTargetError(`${options.what}: cannot reach ${oneLine(t.description, 120)}: ${reason}`, {
      cause: error,
    });
  }
}

/** A header value as the bytes of its UTF-8 form: fetch takes only Latin-1 text there. */
function toByteString(value: string): string {
  return /^[\u0000-\u00ff]*$/.test(value) ? value : String.fromCharCode(...new TextEncoder().encode(value));
}

async function readLimited(response: Response): Promise<Uint8Array> {
  const buffer = new Uint8Array(await response.arrayBuffer());
  if (buffer.length > MAX_ANSWER_BYTES) throw new ProbeTargetError(`the answer is larger than 1 MiB`);
  return buffer;
}

/** The system's reason (ECONNREFUSED, ENOTFOUND, …) when fetch gives one. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return oneLine(cause.message, 80);
  return oneLine(error instanceof Error ? error.message : String(error), 80);
}
