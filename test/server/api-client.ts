// A test client for the HTTP API: every answer it receives is checked against the OpenAPI document,
// with ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses).
import Ajv2020 from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import {
  LOW_COST_HASHING_FOR_TESTS,
  MemoryStore,
  createProvider,
  createStoreMailbox,
  generateCode,
  manualClock,
  type Store,
} from '../../src/index.js';
import {
  createProviderHandler,
  createSharedClock,
  openApiDocument,
  type FetchHandler,
  type ProviderHandlerOptions,
} from '../../src/server/index.js';

export const T0 = Date.UTC(2025, 0, 16, 8, 0, 0);
export const TOKEN = 'control-token-for-tests-0123456789';
export const PASSWORD = 'Tölgyfa-Kilenc-42';

const document = openApiDocument({ control: true });
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(document, 'api');

/** The documented schema of an answer, or throws when the document does not describe it. */
function schemaFor(method: string, path: string, status: number): string | null {
  const paths = document['paths'] as Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }> }>
  >;
  const template = Object.keys(paths).find(
    (p) => p === path || (p.includes('{') && new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path)),
  );
  if (template === undefined) return path === '/openapi.json' ? null : 'api#/components/schemas/Error';
  const operation = paths[template]![method.toLowerCase()];
  if (operation === undefined) return 'api#/components/schemas/Error';
  const documented = operation.responses[String(status)] ?? operation.responses['default'];
  expect(documented, `${method} ${path} ${status} is documented`).toBeDefined();
  const ref = documented!.content?.['application/json']?.schema.$ref;
  return ref === undefined ? '' : `api${ref}`;
}

export type Answer = { status: number; body: any; headers: Headers };

/** Checks one answer against the document and returns it with its body parsed. */
export async function checkAnswer(method: string, url: string, response: Response): Promise<Answer> {
  const path = new URL(url).pathname;
  const text = await response.text();
  const schema = schemaFor(method, path, response.status);
  if (schema === '') {
    expect(text, `${method} ${path} ${response.status} has no body`).toBe('');
    return { status: response.status, body: null, headers: response.headers };
  }
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const body = JSON.parse(text);
  if (schema !== null) {
    const validate = ajv.getSchema(schema)!;
    expect(
      validate(body),
      `${method} ${path} ${response.status}: ${ajv.errorsText(validate.errors)} in ${text.slice(0, 300)}`,
    ).toBe(true);
  }
  return { status: response.status, body, headers: response.headers };
}

export interface ApiLab {
  handler: FetchHandler;
  store: Store;
  clock: ReturnType<typeof manualClock>;
  /** Sends a request (JSON body when given) and checks the answer. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** The same with the control token. */
  control(method: string, path: string, body?: unknown): Promise<Answer>;
  /** The current code of a secret, at the shared clock's time. */
  codeAt(secret: string): Promise<string>;
}

export const BASE = 'http://127.0.0.1:6238';

/**
 * A handler on a fresh MemoryStore (or `store`), a shared clock over a manual base clock. With
 * `storeMailbox`, the service's mail is kept in the store (as `totp-lab serve --api` keeps it).
 */
export function apiLab(
  options: Partial<ProviderHandlerOptions> = {},
  store: Store = new MemoryStore(),
  { storeMailbox = false }: { storeMailbox?: boolean } = {},
): ApiLab {
  const base = manualClock(T0 + 5_000);
  const clock = createSharedClock(store, base);
  const provider = createProvider({
    store,
    clock,
    hashing: LOW_COST_HASHING_FOR_TESTS,
    language: 'en',
    wait: async () => undefined,
    ...(storeMailbox && { mailer: createStoreMailbox(store, { clock }) }),
  });
  const handler = createProviderHandler(provider, { store, clock, controlToken: TOKEN, ...options });
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    return checkAnswer(method, BASE + path, await handler(new Request(BASE + path, init)));
  };
  return {
    handler,
    store,
    clock: base,
    call,
    control: (method, path, body) => call(method, path, body, { authorization: `Bearer ${TOKEN}` }),
    async codeAt(secret) {
      const status = await call('GET', '/control/clock', undefined, { authorization: `Bearer ${TOKEN}` });
      return generateCode(secret, { clock: { now: () => status.body.now } });
    },
  };
}

/** Registers and enrolls `username`; the clock moves to the next step, so a fresh code works. */
export async function enrolled(
  lab: ApiLab,
  username = 'kovacs.janos',
): Promise<{ secret: string; deletionCode: string }> {
  expect(
    (await lab.call('POST', '/api/register', { username, password: PASSWORD, email: 'janos@example.hu' })).status,
  ).toBe(201);
  const started = await lab.call('POST', '/api/enrollment', { username, password: PASSWORD });
  expect(started.status).toBe(200);
  const confirmed = await lab.call('POST', '/api/enrollment/confirm', {
    enrollmentId: started.body.enrollmentId,
    code: await lab.codeAt(started.body.secret),
  });
  expect(confirmed.status).toBe(200);
  const finished = await lab.call('POST', '/api/enrollment/finish', {
    enrollmentId: started.body.enrollmentId,
    deletionCodeSaved: true,
  });
  expect(finished.status).toBe(200);
  await lab.control('POST', '/control/clock/advance', { ms: 30_000 });
  return { secret: started.body.secret, deletionCode: confirmed.body.deletionCode };
}
