/**
 * The audit log in words, in Hungarian and English: a short name for each event and each refusal
 * reason, for logs a person reads (the terminal demo's `audit`, a trainer's list). The long
 * explanation of a refusal, with what to tell the participant, is `explainAttempt`.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import type { AuditEvent, AuditEventType, RefusalReason } from './audit.js';
import { checkLanguage, type Language } from './language.js';

type Names<K extends string> = Readonly<Record<K, Readonly<Record<Language, string>>>>;

/** Each audit event's name. */
export const AUDIT_EVENT_NAMES: Names<AuditEventType> = {
  registered: { hu: 'regisztráció', en: 'registered' },
  'login-ok': { hu: 'sikeres belépés', en: 'login' },
  'login-refused': { hu: 'elutasított belépés', en: 'login refused' },
  'second-factor-ok': { hu: 'elfogadott kód', en: 'code accepted' },
  'second-factor-refused': { hu: 'elutasított kód', en: 'code refused' },
  'enrollment-started': { hu: 'Ügyfélkapu+ igénylés indult', en: 'setup started' },
  'enrollment-confirmed': { hu: 'párosítás (zöld pipa)', en: 'setup confirmed (green tick)' },
  'enrollment-refused': { hu: 'elutasított beállítási lépés', en: 'setup step refused' },
  'enrollment-finished': { hu: 'Befejezés', en: 'setup finished' },
  'enrollment-expired': { hu: 'lejárt beállítás', en: 'setup expired' },
  'enrollment-abandoned': { hu: 'megszakított beállítás', en: 'setup abandoned' },
  'device-change-started': { hu: 'Beállítás másik eszközre indult', en: 'device change started' },
  'device-replaced': { hu: 'eszköz lecserélve', en: 'device replaced' },
  'deletion-code-redeemed': { hu: 'törlőkód felhasználva', en: 'deletion code redeemed' },
  'deletion-code-refused': { hu: 'elutasított törlőkód', en: 'deletion code refused' },
  locked: { hu: 'fiók zárolva', en: 'account locked' },
  busy: { hu: 'foglalt', en: 'busy' },
  'already-enrolled': { hu: 'már beállítva', en: 'already set up' },
  unlocked: { hu: 'fiók feloldva', en: 'account unlocked' },
  fault: { hu: 'szolgáltatási hiba', en: 'service fault' },
  'email-code-sent': { hu: 'e-mailes kód elküldve', en: 'e-mail code sent' },
  'email-code-refused': { hu: 'e-mailes kód nem ment ki', en: 'e-mail code not sent' },
  'email-factor-started': { hu: 'e-mailes kód választása indult', en: 'e-mail factor started' },
  'email-factor-confirmed': { hu: 'e-mailes kód beállítva', en: 'e-mail factor confirmed' },
  'email-factor-refused': { hu: 'elutasított e-mailes beállítás', en: 'e-mail factor refused' },
  'password-expiring': { hu: 'hamarosan lejáró jelszó', en: 'password expiring' },
  'password-expired': { hu: 'lejárt jelszó', en: 'password expired' },
  'password-changed': { hu: 'jelszócsere', en: 'password changed' },
  'password-change-refused': { hu: 'elutasított jelszócsere', en: 'password change refused' },
  'account-seeded': { hu: 'fiók létrehozva kész állapotban', en: 'account seeded' },
  'account-removed': { hu: 'fiók törölve', en: 'account removed' },
  'last-step-forgotten': { hu: 'utolsó elfogadott lépés elfelejtve', en: 'last accepted step forgotten' },
};

/** Each refusal reason's name. */
export const REFUSAL_REASON_NAMES: Names<RefusalReason> = {
  'unknown-user': { hu: 'nincs ilyen felhasználó', en: 'unknown user' },
  'wrong-password': { hu: 'hibás jelszó', en: 'wrong password' },
  locked: { hu: 'zárolt fiók', en: 'locked' },
  busy: { hu: 'párhuzamos ellenőrzések', en: 'checks in flight' },
  'already-enrolled': { hu: 'már van telefonos kötés', en: 'already bound to a phone' },
  'not-enrolled': { hu: 'nincs Ügyfélkapu+ beállítás', en: 'not set up' },
  'activation-pending': { hu: 'még nem aktív', en: 'not yet active' },
  throttled: { hu: 'várakoztatás', en: 'throttled' },
  'wrong-code': { hu: 'hibás kód', en: 'wrong code' },
  'replayed-code': { hu: 'már felhasznált kód', en: 'replayed code' },
  'wrong-deletion-code': { hu: 'hibás törlőkód', en: 'wrong deletion code' },
  'acknowledgement-missing': { hu: 'nincs bepipálva a törlőkód mentése', en: 'box not ticked' },
  'email-code-wrong': { hu: 'hibás e-mailes kód', en: 'wrong e-mail code' },
  'email-code-expired': { hu: 'lejárt e-mailes kód', en: 'expired e-mail code' },
  'email-code-used': { hu: 'már felhasznált e-mailes kód', en: 'used e-mail code' },
  'email-code-superseded': { hu: 'régi e-mailes kód', en: 'superseded e-mail code' },
  'email-code-missing': { hu: 'nem küldtek e-mailes kódot', en: 'no e-mail code sent' },
  'wrong-factor': { hu: 'más a második faktor', en: 'other second factor' },
  'resend-too-soon': { hu: 'túl korai újraküldés', en: 'resend too soon' },
  'too-many-sends': { hu: 'túl sok kód egy órán belül', en: 'too many codes this hour' },
  'mail-failed': { hu: 'a levél nem ment el', en: 'mail failed' },
  'password-expired': { hu: 'lejárt jelszó', en: 'password expired' },
  'password-expired-locked': { hu: 'régen lejárt jelszó: zárolva', en: 'expired long ago: locked' },
  'password-reused': { hu: 'ugyanaz az új jelszó', en: 'same new password' },
};

const FAULT_NAMES = {
  maintenance: { hu: 'karbantartás', en: 'maintenance' },
  outage: { hu: 'üzemzavar', en: 'outage' },
  timeout: { hu: 'időtúllépés', en: 'time-out' },
} as const;

/**
 * An audit event in words: "elutasított belépés (hibás kód)", "service fault (maintenance)". A type
 * or reason this version does not know is shown as it is.
 */
export function describeAuditEvent(event: AuditEvent, language: Language): string {
  language = checkLanguage(language);
  if (typeof event !== 'object' || event === null || typeof event.type !== 'string')
    throw new InvalidArgumentError(`"event" must be an audit event, got ${describeValue(event)}`);
  const name = Object.hasOwn(AUDIT_EVENT_NAMES, event.type) ? AUDIT_EVENT_NAMES[event.type][language] : event.type;
  const why =
    event.fault !== undefined && Object.hasOwn(FAULT_NAMES, event.fault)
      ? FAULT_NAMES[event.fault][language]
      : typeof event.reason === 'string'
        ? Object.hasOwn(REFUSAL_REASON_NAMES, event.reason)
          ? REFUSAL_REASON_NAMES[event.reason][language]
          : event.reason
        : null;
  return why === null ? name : `${name} (${why})`;
}
