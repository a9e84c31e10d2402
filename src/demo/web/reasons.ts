/**
 * Why the service refused, in words for the room. The user is only ever told "no" (so nobody can
 * probe accounts); the trainer sees the reason the in-page service wrote into its audit log.
 */
import type { Language } from '../../index.js';

const REASONS: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  'replayed-code': {
    hu: 'ismételt kód: ezt a lépést már felhasználták',
    en: 'a replayed code: this step was already used',
  },
  'wrong-code': {
    hu: 'hibás kód: régi kulcs, elírás vagy túl nagy óraeltérés',
    en: 'a wrong code: an old key, a typo or too much clock error',
  },
  'activation-pending': {
    hu: 'még nem aktív: a Befejezés után 90 mp várakozás',
    en: 'not yet active: a 90 s wait after Befejezés',
  },
  locked: {
    hu: 'zárolt fiók: túl sok hibás jelszó (Fiók feloldása)',
    en: 'a locked account: too many wrong passwords (Unlock account)',
  },
  throttled: { hu: 'várakoztatás: túl sok sikertelen próbálkozás', en: 'throttled: too many failed attempts' },
  'wrong-password': { hu: 'hibás jelszó', en: 'a wrong password' },
  'unknown-user': { hu: 'nincs ilyen felhasználó', en: 'no such user' },
  'not-enrolled': { hu: 'nincs beállítva Ügyfélkapu+', en: 'Ügyfélkapu+ is not set up' },
  'wrong-deletion-code': { hu: 'hibás törlőkód', en: 'a wrong deletion code' },
  'acknowledgement-missing': { hu: 'nincs bejelölve a törlőkód mentése', en: 'the deletion code box is not ticked' },
  'email-code-wrong': { hu: 'hibás e-mailes kód', en: 'a wrong e-mailed code' },
  'email-code-expired': {
    hu: 'lejárt e-mailes kód: 10 percnél régebbi',
    en: 'an expired e-mailed code: older than 10 minutes',
  },
  'email-code-used': { hu: 'már felhasznált e-mailes kód', en: 'an e-mailed code already used' },
  'email-code-superseded': {
    hu: 'régi e-mailes kód: azóta újat küldtek',
    en: 'an old e-mailed code: a newer one was sent since',
  },
  'email-code-missing': { hu: 'nem küldtek e-mailes kódot', en: 'no code was e-mailed' },
  'wrong-factor': {
    hu: 'más a második tényező (alkalmazás vagy e-mail)',
    en: 'the other second factor (app or e-mail)',
  },
  'password-expired': { hu: 'lejárt jelszó: csere szükséges', en: 'an expired password: a change is needed' },
  'password-expired-locked': {
    hu: 'zárolt fiók: a jelszó több mint 60 napja lejárt (Fiók feloldása)',
    en: 'a locked account: the password expired over 60 days ago (Unlock account)',
  },
  'fault-maintenance': {
    hu: 'szolgáltatási hiba: karbantartás (a kódot nem bírálta el)',
    en: 'a service fault: maintenance (the code was not judged)',
  },
  'fault-outage': {
    hu: 'szolgáltatási hiba: leállás (a kódot nem bírálta el)',
    en: 'a service fault: outage (the code was not judged)',
  },
  'fault-timeout': {
    hu: 'szolgáltatási hiba: időtúllépés (a kódot nem bírálta el)',
    en: 'a service fault: time-out (the code was not judged)',
  },
};

/** The reason in words, or null for an unknown reason. */
export function reasonText(reason: string | null | undefined, lang: Language): string | null {
  return reason ? (REASONS[reason]?.[lang] ?? null) : null;
}

/** True when a fault, not the code, made the service say no. */
export function isFault(reason: string | null | undefined): boolean {
  return typeof reason === 'string' && reason.startsWith('fault-');
}
