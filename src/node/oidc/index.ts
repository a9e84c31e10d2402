// The OpenID Connect front of totp-lab/node: oidc-provider in front of the simulated Ügyfélkapu+.

export { createOidcProvider, DEFAULT_ACR, OIDC_PROVIDER_VERSION } from './front.js';
export type { OidcFront, OidcProviderOptions } from './front.js';
export { SIGN_IN_AMR } from './finish.js';
