// A small TypeScript server that mounts the simulated service's HTTP API next to its own routes.
// The handler speaks Request/Response, so the same few lines work in Deno, Bun or an edge runtime;
// here Node serves it through totp-lab/node's guarded listener.
import { MemoryStore, createProvider } from 'totp-lab';
import { serveHandler } from 'totp-lab/node';
import { createProviderHandler, createSharedClock } from 'totp-lab/server';

export async function startExampleServer(port = 0) {
  const store = new MemoryStore();
  const clock = createSharedClock(store);
  const provider = createProvider({ store, clock, language: 'en' });
  const api = createProviderHandler(provider, { store, clock });

  const app = async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    // The app's own routes…
    if (pathname === '/')
      return new Response('My app. The login service is under /api/.\n', { headers: { 'content-type': 'text/plain' } });
    // …and the simulated service's.
    if (pathname.startsWith('/api/') || pathname === '/openapi.json') return api(request);
    return new Response('Not found\n', { status: 404 });
  };
  return serveHandler(app, { port });
}

// Run directly (node --experimental-strip-types, tsx or deno): serve on port 8080.
if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startExampleServer(8080);
  console.log(`Listening on ${server.url}`);
}
