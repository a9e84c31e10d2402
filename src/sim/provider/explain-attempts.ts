/**
 * "Why was I refused": an account's kept refusals (attempt-trail.ts), each with its reason, the
 * numbers behind it and, in the language asked for, what happened and what to tell the participant.
 * Read from the store, so any instance sharing it answers the same. For trainers only: the
 * participant is told the one generic refusal, as on the real site.
 */
import { InvalidArgumentError, describeValue } from '../../core/errors.js';
import { explainAttempt } from '../attempt-texts.js';
import type { AttemptRecord, AttemptsExplained, ExplainAttemptsOptions } from '../attempt-types.js';
import type { ProviderContext } from '../context.js';
import { checkLanguage } from '../language.js';
import { accountKey, type AccountRecord } from './accounts.js';
import { attemptsKey, type AttemptTrail } from './attempt-trail.js';
import { readUsername } from './credentials.js';

/** The account's kept attempts, oldest first, in words; nothing is counted or changed. */
export async function explainAttempts(
  ctx: ProviderContext,
  trail: AttemptTrail,
  username: unknown,
  options: unknown = {},
): Promise<AttemptsExplained> {
  const name = readUsername(username);
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new InvalidArgumentError(`"options" must be an object, got ${describeValue(options)}`);
  const given = options as ExplainAttemptsOptions;
  const language = given.language === undefined ? ctx.language : checkLanguage(given.language);
  const limit = given.limit ?? 1000;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new InvalidArgumentError(`"limit" must be an integer from 1 to 1000, got ${describeValue(limit)}`);
  // This instance's refusals still on their way to the store are read too.
  await trail.settle();
  const [account, kept] = await Promise.all([
    ctx.o.store.get<AccountRecord>(accountKey(name)),
    ctx.o.store.get<AttemptRecord[]>(attemptsKey(name)),
  ]);
  const now = ctx.now();
  const explained = (Array.isArray(kept) ? kept : []).flatMap((record) => {
    try {
      return [explainAttempt(record, { language, now, timeZone: ctx.o.timeZone })];
    } catch (error) {
      // A store shared with other versions may hold an entry this one cannot read: it is left out.
      if (error instanceof InvalidArgumentError) return [];
      throw error;
    }
  });
  return { username: name, exists: account !== undefined, language, now, attempts: explained.slice(-limit) };
}
