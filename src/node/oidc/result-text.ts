/**
 * What the service said, in the page's language. A provider speaks one language; a page may be in
 * the other (the relying party's `ui_locales`, or the visitor's choice), so the message is made
 * again from its stable key and the values the result carries.
 */
import type { Refusal } from '../../sim/context.js';
import type { Language } from '../../sim/language.js';
import { formatMessage, formatTime, type MessageKey } from '../../sim/messages.js';

/** A provider result that carries a message. */
export type SaidResult = Pick<Refusal, 'messageKey' | 'message' | 'retryAt' | 'until'> & {
  sessionNumber?: string;
  daysLeft?: number;
};

/** The time zone the service shows times in (Ügyfélkapu+ shows Budapest time). */
const TIME_ZONE = 'Europe/Budapest';

/**
 * `result.message` in `language`: as it is when the provider speaks that language, else made from
 * the message key. `now` (simulated ms) turns a `retryAt` into the seconds the message names.
 */
export function resultText(result: SaidResult, language: Language, providerLanguage: Language, now: number): string {
  if (language === providerLanguage) return result.message;
  const params: Record<string, string | number> = {};
  if (result.retryAt !== undefined) params['seconds'] = Math.max(0, Math.ceil((result.retryAt - now) / 1000));
  if (typeof result.until === 'number') params['until'] = formatTime(language, result.until, TIME_ZONE);
  if (result.sessionNumber !== undefined) params['sessionNumber'] = result.sessionNumber;
  if (result.daysLeft !== undefined) params['days'] = result.daysLeft;
  return formatMessage(language, result.messageKey as MessageKey, params);
}
