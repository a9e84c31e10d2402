/**
 * The end of a sign-in: the login result handed back to oidc-provider, with what RFC 8176 and OIDC
 * Core §2 ask of it: `amr` (`pwd`, then `otp` and `mfa` for the second factor), the configured
 * `acr`, and `auth_time` from the simulated clock. The relying parties are the developer's own
 * apps, so the scopes they ask for are granted without a consent page, as the real login has none.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { LoginDeps } from './login-flow.js';
import { subjectOf } from './subjects.js';

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

/** RFC 8176 §2: a password, then a one-time password as a second factor (app or e-mail code). */
export const SIGN_IN_AMR: readonly string[] = Object.freeze(['pwd', 'otp', 'mfa']);

/** Hands the signed-in account back to oidc-provider, which redirects to the relying party. */
export async function finishSignIn(
  deps: LoginDeps,
  req: IncomingMessage,
  res: ServerResponse,
  details: Interaction,
  username: string,
): Promise<void> {
  const accountId = await subjectOf(deps.store, username);
  const grantId = await saveGrant(deps.oidc, details, accountId);
  await deps.oidc.interactionFinished(
    req,
    res,
    {
      // A session that ends with the browser, as a government login's does.
      login: {
        accountId,
        acr: deps.acr,
        amr: [...SIGN_IN_AMR],
        ts: Math.floor(deps.clock.now() / 1000),
        remember: false,
      },
      consent: { grantId },
    },
    { mergeWithLastSubmission: false },
  );
}

/** A later authorization of a signed-in account that asks for more: granted as above. */
export async function grantConsent(
  oidc: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  details: Interaction,
): Promise<void> {
  const accountId = details.session?.accountId;
  if (accountId === undefined) throw new Error('a consent prompt without a session');
  const grantId = await saveGrant(oidc, details, accountId);
  await oidc.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

/** The interaction's grant (or a new one) with every scope the authorization request asked for. */
async function saveGrant(oidc: Provider, details: Interaction, accountId: string): Promise<string> {
  const clientId = String(details.params['client_id']);
  const existing = details.grantId === undefined ? undefined : await oidc.Grant.find(details.grantId);
  const grant =
    existing !== undefined && existing.accountId === accountId && existing.clientId === clientId
      ? existing
      : new oidc.Grant({ accountId, clientId });
  const scope = details.params['scope'];
  if (typeof scope === 'string') grant.addOIDCScope(scope);
  const missing = details.prompt.details['missingResourceScopes'];
  if (typeof missing === 'object' && missing !== null)
    for (const [resource, scopes] of Object.entries(missing as Record<string, string[]>))
      grant.addResourceScope(resource, scopes.join(' '));
  return grant.save();
}
