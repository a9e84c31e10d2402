/**
 * Between the Fetch API and the plain request and answer of the routes: a `Request` seen as an
 * {@link ApiRequest}, an {@link ApiAnswer} as a `Response`.
 */
import { tooLarge } from './body.js';
import type { ApiAnswer, ApiRequest } from './exchange.js';

/** `request` as the routes see it; its body is read only when a route asks for it. */
export function fetchApiRequest(request: Request): ApiRequest {
  return {
    method: request.method,
    headers: request.headers,
    async bytes(maxBytes) {
      // With a declared length within the limit (the caller has checked it), the body is taken
      // whole: one read instead of a stream reader's several promises.
      if (request.headers.get('content-length') !== null) return new Uint8Array(await request.arrayBuffer());
      return readLimited(request, maxBytes);
    },
  };
}

/** `answer` as a Fetch `Response`. */
export function fetchResponse(answer: ApiAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Stop here: the rest is never read.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
