/** The OpenAPI paths and schemas of the OpenID Connect front's client registrations (control API). */
import { withAnswers } from './openapi-email.js';
import { answer, control, op } from './openapi-operation.js';

type Schema = Record<string, unknown>;

const uris = (description: string, minItems: number): Schema => ({
  type: 'array',
  items: { type: 'string', format: 'uri', maxLength: 2000 },
  minItems,
  maxItems: 20,
  description,
});
const authMethod: Schema = {
  enum: ['none', 'client_secret_basic', 'client_secret_post'],
  description: 'none for a public client (PKCE with S256 required); default client_secret_basic with a secret',
};
const client = {
  client_id: { type: 'string', pattern: '^[A-Za-z0-9._:~-]{1,128}$' },
  client_name: { type: 'string', minLength: 1, maxLength: 200 },
  redirect_uris: uris('absolute http(s) URLs, compared exactly', 1),
  post_logout_redirect_uris: uris('where end-session may send the browser back to', 0),
  token_endpoint_auth_method: authMethod,
};

export const OIDC_SCHEMAS: Record<string, Schema> = {
  OidcClientRequest: {
    type: 'object',
    properties: {
      ...client,
      client_secret: {
        type: 'string',
        minLength: 16,
        maxLength: 256,
        description: 'makes the client confidential; never shown again',
      },
    },
    required: ['client_id', 'redirect_uris'],
    additionalProperties: false,
  },
  OidcClient: {
    type: 'object',
    properties: {
      ...client,
      grant_types: { type: 'array', items: { const: 'authorization_code' } },
      response_types: { type: 'array', items: { const: 'code' } },
      confidential: { type: 'boolean', description: 'true when the client has a secret' },
    },
    required: [
      'client_id',
      'redirect_uris',
      'post_logout_redirect_uris',
      'token_endpoint_auth_method',
      'grant_types',
      'response_types',
      'confidential',
    ],
    additionalProperties: false,
  },
  OidcClients: {
    type: 'object',
    properties: { clients: { type: 'array', items: { $ref: '#/components/schemas/OidcClient' } } },
    required: ['clients'],
    additionalProperties: false,
  },
};

export const OIDC_CONTROL_PATHS = {
  '/control/oidc/clients': {
    post: withAnswers(
      op(
        'Register (201) or replace (200) a relying party of the OpenID Connect front (totp-lab serve --oidc)',
        ['control'],
        ['201', 'Registered', 'OidcClient'],
        'OidcClientRequest',
        control,
      ),
      { '200': answer('Replaced the client of that id', 'OidcClient') },
    ),
    get: op(
      'The registered relying parties, without their secrets',
      ['control'],
      ['200', 'The clients', 'OidcClients'],
      undefined,
      control,
    ),
  },
};
