/**
 * The plain request and answer the API's routes work on. The Fetch handler wraps each `Request` in
 * an {@link ApiRequest} and turns each {@link ApiAnswer} into a `Response`. A server that has read
 * a request itself (the Node listener) can skip the Fetch objects (and the stream and abort signal
 * each one carries) and call the handler's {@link PLAIN_API} entry with plain data instead.
 */

/** A request as the routes see it. */
export interface ApiRequest {
  readonly method: string;
  /** Request headers, looked up by name (any case), as on a Fetch `Headers`. */
  readonly headers: { get(name: string): string | null };
  /**
   * The body, reading at most `maxBytes` of it: may throw a 413 HttpError once more is seen, and
   * may return more than `maxBytes` when it was already read whole (the caller checks the length).
   */
  bytes(maxBytes: number): Promise<Uint8Array>;
}

/** An answer as the routes give it: a JSON text (or none) with its status and headers. */
export interface ApiAnswer {
  status: number;
  /** Header names as written; one value each (the API sets at most one cookie per answer). */
  headers: Record<string, string>;
  body: string | null;
}

/** A whole request handed over as plain data, its body already read (and bounded) by the server. */
export interface PlainApiRequest {
  method: string;
  /** The absolute URL, e.g. `http://127.0.0.1:6238/api/login`. */
  url: string;
  /** A header by lower-case name, or null. */
  header(name: string): string | null;
  /** The body as read, or undefined for none. */
  body: Uint8Array | undefined;
}

/** The plain-data entry of a handler made by createProviderHandler. */
export type PlainApiHandler = (request: PlainApiRequest) => Promise<ApiAnswer>;

/**
 * The property under which createProviderHandler's Fetch handler carries its plain-data entry. A
 * registered symbol, so a listener finds it even when it and the handler come from different
 * copies of the package; a wrapped handler simply lacks it and is served through Fetch objects.
 */
export const PLAIN_API: unique symbol = Symbol.for('totp-lab.server.plain-api');
