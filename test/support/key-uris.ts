import { buildKeyUri } from '../../src/core/key-uri.js';

/** Typical setup-QR texts: the Ügyfélkapu+ one (non-ASCII issuer with a "+"), a short one, a long SHA512 one. */
export const KEY_URIS = [
  buildKeyUri({
    issuer: 'Ügyfélkapu+',
    account: 'kovacs.janos@example.hu',
    secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  }),
  buildKeyUri({ issuer: 'Example', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' }),
  buildKeyUri({
    issuer: 'ACME Co',
    account: 'john.doe@email.com',
    secret: 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ',
    algorithm: 'SHA512',
    digits: 8,
    period: 60,
  }),
];
