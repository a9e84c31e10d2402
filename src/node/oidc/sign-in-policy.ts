/**
 * The front's interaction policy: oidc-provider's own, with two more checks on its login prompt,
 * so a browser session ends when an API session would (server/sessions.ts): one signed in before
 * the account's password changed or its phone binding was removed (server/account-tokens.ts), and
 * one signed in longer ago than the session lifetime, however often it was used (oidc-provider
 * restarts a session's time on each use), and one whose account was removed or replaced since
 * (server/oidc-account-entries.ts), ask for the password again.
 */
import type { Clock } from '../../core/clock.js';
import type { interactionPolicy as Policy } from 'oidc-provider';
import { tokensEndedAt } from '../../server/account-tokens.js';
import type { Store } from '../../sim/store.js';
import { claimsOf } from './subjects.js';

/** oidc-provider's `interactionPolicy` export (loaded on demand, as the package is). */
export type PolicyModule = typeof Policy;

/** The policy for `interactions.policy`: sessions on `store` live at most `lifetimeMs` on `clock`. */
export function signInPolicy(policy: PolicyModule, store: Store, clock: Clock, lifetimeMs: number): Policy.Prompt[] {
  const prompts = policy.base();
  const { REQUEST_PROMPT, NO_NEED_TO_PROMPT } = policy.Check;
  // With prompt=none, OIDC Core §3.1.2.6's login_required (oidc-provider's own checks give that for
  // no session), not the interaction_required a check of its own gets by default.
  const REQUIRED = 'login_required';
  const tooOld = new policy.Check('session_lifetime', 'End-User authentication is required', REQUIRED, (ctx) => {
    const { session, result } = ctx.oidc;
    if (session?.accountId === undefined || result?.login !== undefined) return NO_NEED_TO_PROMPT;
    return (session.loginTs ?? 0) * 1000 + lifetimeMs <= clock.now() ? REQUEST_PROMPT : NO_NEED_TO_PROMPT;
  });
  const changed = new policy.Check(
    'credentials_changed',
    'End-User authentication is required',
    REQUIRED,
    async (ctx) => {
      const { session, result } = ctx.oidc;
      // A sign-in just finished is the new one; without an account there is nothing to end.
      if (session?.accountId === undefined || result?.login !== undefined) return NO_NEED_TO_PROMPT;
      // The account is gone, or replaced (its sub forgotten). Its sessions go with it over the control
      // API, but a request in flight may write one back, and code may remove an account alone:
      // signing such a session in would hand the relying party a code for no account.
      const claims = await claimsOf(store, session.accountId);
      if (claims === null) return REQUEST_PROMPT;
      const endedAt = await tokensEndedAt(store, claims.preferred_username);
      // loginTs is the simulated second of the sign-in (finish.ts).
      return endedAt !== null && (session.loginTs ?? 0) * 1000 < endedAt ? REQUEST_PROMPT : NO_NEED_TO_PROMPT;
    },
  );
  prompts.get('login')!.checks.add(tooOld);
  prompts.get('login')!.checks.add(changed);
  return prompts;
}
