// POST /control/oidc/clients and GET: behind the control token, checked field by field, answered
// as the OpenAPI document says (the API test client checks every answer against it), never with a
// secret in it.
import { describe, expect, it } from 'vitest';
import { OIDC_CLIENT_PREFIX, readOidcClient } from '../../src/server/oidc-clients.js';
import { apiLab } from '../server/api-client.js';

const SECRET = 'client-secret-0123456789-abcdef';
const app = { client_id: 'my-app', redirect_uris: ['http://127.0.0.1:3000/callback'] };

describe('POST /control/oidc/clients', () => {
  it('needs the control token', async () => {
    const lab = apiLab();
    expect((await lab.call('POST', '/control/oidc/clients', app)).status).toBe(401);
  });

  it('registers a public client (201), replaces it (200), and lists it; a secret is stored but never shown', async () => {
    const lab = apiLab();
    const created = await lab.control('POST', '/control/oidc/clients', app);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...app, token_endpoint_auth_method: 'none', confidential: false });
    const replaced = await lab.control('POST', '/control/oidc/clients', { ...app, client_secret: SECRET });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ token_endpoint_auth_method: 'client_secret_basic', confidential: true });
    expect(JSON.stringify(replaced.body)).not.toContain(SECRET);
    const listed = await lab.control('GET', '/control/oidc/clients');
    expect(listed.body.clients).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(SECRET);
    expect(await lab.store.get(`${OIDC_CLIENT_PREFIX}my-app`)).toMatchObject({ client_secret: SECRET });
  });

  it.each([
    [{ ...app, redirect_uris: [] }, '"redirect_uris" must be a list of 1 to 20'],
    [{ ...app, redirect_uris: ['/relative'] }, '"redirect_uris[0]" must be an absolute URL'],
    [{ ...app, redirect_uris: ['http://127.0.0.1/cb#frag'] }, 'without a fragment'],
    [{ ...app, redirect_uris: ['javascript:alert(1)'] }, 'must be an http(s) URL'],
    [{ ...app, redirect_uris: ['http://user:pw@127.0.0.1/cb'] }, 'credentials'],
    [{ ...app, client_id: 'with space' }, '"client_id" must be 1 to 128'],
    [{ ...app, client_secret: 'short' }, '"client_secret" must be 16 to 256'],
    [{ ...app, token_endpoint_auth_method: 'private_key_jwt' }, '"token_endpoint_auth_method" must be'],
    [{ ...app, token_endpoint_auth_method: 'client_secret_post' }, 'needs a "client_secret"'],
    [{ ...app, client_secret: SECRET, token_endpoint_auth_method: 'none' }, 'leave out "client_secret"'],
  ])('refuses %j with a 400 naming the field', async (body, message) => {
    const lab = apiLab();
    const answer = await lab.control('POST', '/control/oidc/clients', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('INVALID_ARGUMENT');
    expect(answer.body.error.message).toContain(message);
    expect(answer.body.error.message).not.toContain('short');
    expect(await lab.store.keys(OIDC_CLIENT_PREFIX)).toEqual([]);
  });

  it('refuses an unknown field and a body that is not JSON, as every route does', async () => {
    const lab = apiLab();
    expect((await lab.control('POST', '/control/oidc/clients', { ...app, scope: 'openid' })).body.error.code).toBe(
      'UNKNOWN_FIELD',
    );
    expect((await lab.control('POST', '/control/oidc/clients', '{')).body.error.code).toBe('BAD_JSON');
  });
});

describe('readOidcClient', () => {
  it('takes what a seed file gives, with client_secret_post for relying parties that send the secret in the body', () => {
    expect(readOidcClient({ ...app, client_secret: SECRET, token_endpoint_auth_method: 'client_secret_post' })).toEqual(
      {
        ...app,
        client_secret: SECRET,
        post_logout_redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    );
    expect(() => readOidcClient(null)).toThrow('a client must be an object');
    expect(() => readOidcClient([app])).toThrow('a client must be an object');
  });
});
