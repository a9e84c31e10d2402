/**
 * The front's interaction policy: oidc-provider's own, with one more check on its login prompt. A
 * browser session signed in before the account's password changed or its phone binding was
 * removed asks for the password again, as the API's sessions end then (server/account-tokens.ts).
 */
import type { interactionPolicy as Policy } from 'oidc-provider';
import { tokensEndedAt } from '../../server/account-tokens.js';
import type { Store } from '../../sim/store.js';
import { usernameOfSubject } from './subjects.js';

/** oidc-provider's `interactionPolicy` export (loaded on demand, as the package is). */
export type PolicyModule = typeof Policy;

/** The policy for `interactions.policy`. */
export function signInPolicy(policy: PolicyModule, store: Store): Policy.Prompt[] {
  const prompts = policy.base();
  const { REQUEST_PROMPT, NO_NEED_TO_PROMPT } = policy.Check;
  const changed = new policy.Check('credentials_changed', 'End-User authentication is required', async (ctx) => {
    const { session, result } = ctx.oidc;
    // A sign-in just finished is the new one; without an account there is nothing to end.
    if (session?.accountId === undefined || result?.login !== undefined) return NO_NEED_TO_PROMPT;
    const username = await usernameOfSubject(store, session.accountId);
    const endedAt = username === null ? null : await tokensEndedAt(store, username);
    // loginTs is the simulated second of the sign-in (finish.ts).
    return endedAt !== null && (session.loginTs ?? 0) * 1000 < endedAt ? REQUEST_PROMPT : NO_NEED_TO_PROMPT;
  });
  prompts.get('login')!.checks.add(changed);
  return prompts;
}
