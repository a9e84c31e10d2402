/**
 * `--explain`: after each step, what the service's attempt trail says about the refusals that step
 * caused, in the session's language: the hidden reason and what to tell the participant. The same
 * `provider.explainAttempts` a trainer's room view reads; nothing is worked out here.
 */
import type { AttemptExplanation, Language, Provider } from '../../index.js';
import type { Style } from './style.js';

/** A new attempt in an account's trail. */
export type FollowedAttempt = { username: string; attempt: AttemptExplanation };

/**
 * Follows a provider's attempt trails: each call returns the attempts kept since the previous call,
 * for every account the audit log mentions since then.
 */
export function followAttempts(provider: Provider, language: Language): () => Promise<FollowedAttempt[]> {
  let since = provider.auditLog().at(-1)?.seq ?? 0;
  const seen = new Map<string, string[]>();
  return async () => {
    const events = provider.auditLog(since);
    since = events.at(-1)?.seq ?? since;
    const names = [...new Set(events.flatMap((e) => (e.username === null ? [] : [e.username])))];
    const found: FollowedAttempt[] = [];
    for (const username of names) {
      const { attempts } = await provider.explainAttempts(username, { language });
      const keys = attempts.map(({ time, event, reason, params }) => JSON.stringify([time, event, reason, params]));
      const fresh = attempts.slice(overlap(seen.get(username) ?? [], keys));
      seen.set(username, keys);
      found.push(...fresh.map((attempt) => ({ username, attempt })));
    }
    return found;
  };
}

/** How many entries at the start of `next` are the end of `before` (the trail drops its oldest). */
function overlap(before: readonly string[], next: readonly string[]): number {
  for (let k = Math.min(before.length, next.length); k > 0; k--) {
    const tail = before.slice(before.length - k);
    if (tail.every((key, i) => key === next[i])) return k;
  }
  return 0;
}

const LABELS = { hu: { why: 'miért', tell: 'mondja' }, en: { why: 'why', tell: 'tell' } } as const;

/** The lines for one followed attempt: the hidden reason, then what to tell the participant. */
export function formatAttempt(found: FollowedAttempt, language: Language, style: Style): string[] {
  const label = LABELS[language];
  const lines = [`  ${style.yellow(`[${label.why}]`)} ${found.attempt.text}`];
  if (found.attempt.advice !== '') lines.push(`  ${style.yellow(`[${label.tell}]`)} ${found.attempt.advice}`);
  return lines;
}

/** A followed attempt as a `--json` event. */
export function attemptForJson(found: FollowedAttempt): { type: 'explain'; username: string } & AttemptExplanation {
  return { type: 'explain', username: found.username, ...found.attempt };
}
