/**
 * What the simulated service says, in Hungarian (as Ügyfélkapu+ does) and English. Results carry a
 * stable `messageKey` for programs and the `message` in the provider's language for people.
 * The Hungarian texts of the login refusal and the wrong token are the ones users meet on the real site.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';

import { checkLanguage, type Language } from './language.js';

export type { Language } from './language.js';

/** The stable keys of every message a provider result can carry. */
export type MessageKey =
  | 'register.ok'
  | 'register.taken'
  | 'login.ok'
  | 'login.refused'
  | 'code.wrong'
  | 'code.throttled'
  | 'enrollment.started'
  | 'enrollment.confirmed'
  | 'enrollment.acknowledgementRequired'
  | 'enrollment.finished'
  | 'enrollment.expired'
  | 'enrollment.abandoned'
  | 'deletionCode.wrong'
  | 'deletionCode.redeemed'
  | 'fault.maintenance'
  | 'fault.maintenanceOpenEnded'
  | 'fault.outage'
  | 'fault.timeout'
  | 'emailCode.sent'
  | 'emailCode.wrong'
  | 'emailCode.throttled'
  | 'emailCode.notSent'
  | 'emailFactor.started'
  | 'emailFactor.confirmed'
  | 'password.expiring'
  | 'password.expired'
  | 'password.changed'
  | 'password.reused';

/**
 * A message catalog: every key in one language. `{name}` marks a parameter; `{name|one|other}`
 * is the word `one` when the parameter is 1 and `other` otherwise, for English plurals (Hungarian
 * keeps the singular after a number).
 */
export type MessageCatalog = Readonly<Record<MessageKey, string>>;

/** The Hungarian messages (the default of the Ügyfélkapu+ profiles). */
export const MESSAGES_HU: MessageCatalog = Object.freeze({
  'register.ok': 'Sikeres regisztráció.',
  'register.taken': 'A megadott felhasználónév már foglalt.',
  'login.ok': 'Sikeres azonosítás.',
  'login.refused':
    'A felhasználónév vagy a jelszó helytelen, vagy Ön nem jogosult a kiválasztott azonosítási szolgáltatás igénybevételére.',
  'code.wrong': 'A megadott token nem megfelelő',
  'code.throttled': 'Túl sok sikertelen próbálkozás. Kérjük, próbálja újra {seconds} másodperc múlva.',
  'enrollment.started':
    'Olvassa be a QR-kódot a hitelesítő alkalmazással, majd adja meg az alkalmazásban kapott azonosítót.',
  'enrollment.confirmed': 'Sikeres párosítás. Mentse el a törlőkódot: csak most jelenik meg.',
  'enrollment.acknowledgementRequired': 'Kérjük, jelölje be: „Törlőkód mentéséről gondoskodtam”.',
  'enrollment.finished': 'Az Ügyfélkapu+ beállítása sikeresen befejeződött.',
  'enrollment.expired': 'A beállításra szánt idő lejárt. Kérjük, kezdje újra.',
  'enrollment.abandoned': 'A beállítás megszakadt; a korábbi beállítás változatlan.',
  'deletionCode.wrong': 'A felhasználónév, a jelszó vagy a megadott törlőkód nem megfelelő.',
  'deletionCode.redeemed':
    'A telefonos azonosító kapcsolat törlődött; az ügyfélkapus fiók megmaradt. Az Ügyfélkapu+ újra beállítható.',
  'fault.maintenance': 'A szolgáltatás karbantartás miatt {until}-ig nem érhető el.',
  'fault.maintenanceOpenEnded': 'A szolgáltatás karbantartás miatt nem érhető el.',
  'fault.outage': 'A szolgáltatás átmenetileg nem érhető el. Kérjük, próbálja újra később.',
  'fault.timeout': 'Időtúllépés történt. Kérjük, próbálja újra.',
  'emailCode.sent': 'A hitelesítő kódot elküldtük e-mailben. Munkamenet-azonosító: {sessionNumber}.',
  'emailCode.wrong': 'A megadott hitelesítő kód helytelen!',
  'emailCode.throttled': 'Új kód csak {seconds} másodperc múlva kérhető.',
  'emailCode.notSent': 'Az e-mailt nem sikerült elküldeni. Kérjük, próbálja újra később.',
  'emailFactor.started':
    'A megerősítő kódot elküldtük e-mailben. Munkamenet-azonosító: {sessionNumber}. Adja meg a kapott kódot.',
  'emailFactor.confirmed': 'Az Ügyfélkapu+ beállítása e-mailes kóddal sikeresen befejeződött.',
  'password.expiring': 'Jelszava {days} nap múlva lejár. Kérjük, változtassa meg.',
  'password.expired': 'Jelszava lejárt. A belépéshez új jelszót kell megadnia.',
  'password.changed': 'A jelszó megváltozott.',
  'password.reused': 'Az új jelszó nem egyezhet meg a korábbival.',
});

/** The English messages. */
export const MESSAGES_EN: MessageCatalog = Object.freeze({
  'register.ok': 'Registered.',
  'register.taken': 'That username is already taken.',
  'login.ok': 'Signed in.',
  'login.refused':
    'The username or the password is incorrect, or you are not entitled to use the selected identification service.',
  'code.wrong': 'The token entered is not valid',
  'code.throttled': 'Too many failed attempts. Please try again in {seconds} {seconds|second|seconds}.',
  'enrollment.started': 'Scan the QR code with your authenticator app, then enter the code it shows.',
  'enrollment.confirmed': 'Paired. Save your deletion code (törlőkód) now: it is shown only once.',
  'enrollment.acknowledgementRequired': 'Please tick "I have saved the deletion code".',
  'enrollment.finished': 'Ügyfélkapu+ is set up.',
  'enrollment.expired': 'The time for the setup has run out. Please start again.',
  'enrollment.abandoned': 'The setup was cancelled; the previous setup is unchanged.',
  'deletionCode.wrong': 'The username, the password or the deletion code entered is not valid.',
  'deletionCode.redeemed':
    'The phone binding was removed; the account itself remains. Ügyfélkapu+ can be set up again.',
  'fault.maintenance': 'The service is down for maintenance until {until}.',
  'fault.maintenanceOpenEnded': 'The service is down for maintenance.',
  'fault.outage': 'The service is temporarily unavailable. Please try again later.',
  'fault.timeout': 'The request timed out. Please try again.',
  'emailCode.sent': 'We have e-mailed you a verification code. Session number: {sessionNumber}.',
  'emailCode.wrong': 'The verification code entered is incorrect!',
  'emailCode.throttled': 'A new code can be requested in {seconds} {seconds|second|seconds}.',
  'emailCode.notSent': 'The e-mail could not be sent. Please try again later.',
  'emailFactor.started':
    'We have e-mailed you a confirmation code. Session number: {sessionNumber}. Enter the code you received.',
  'emailFactor.confirmed': 'Ügyfélkapu+ is set up with e-mail codes.',
  'password.expiring': 'Your password expires in {days} {days|day|days}. Please change it.',
  'password.expired': 'Your password has expired. Set a new password to sign in.',
  'password.changed': 'Your password has been changed.',
  'password.reused': 'The new password must differ from the old one.',
});

/** The catalogs by language. */
export const MESSAGES: Readonly<Record<Language, MessageCatalog>> = Object.freeze({ hu: MESSAGES_HU, en: MESSAGES_EN });

/**
 * A message in a language, with `{name}` parameters filled in.
 * @example
 * formatMessage('en', 'code.throttled', { seconds: 4 }); // 'Too many failed attempts. Please try again in 4 seconds.'
 */
export function formatMessage(
  language: Language,
  key: MessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const catalog: MessageCatalog = MESSAGES[checkLanguage(language)];
  if (typeof key !== 'string' || !Object.hasOwn(catalog, key))
    throw new InvalidArgumentError(`"key" must be a message key, got ${describeValue(key)}`);
  if (typeof params !== 'object' || params === null)
    throw new InvalidArgumentError(`"params" must be an object, got ${describeValue(params)}`);
  return catalog[key].replace(
    /\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g,
    (whole, name: string, one?: string, other?: string) => {
      if (!Object.hasOwn(params, name)) return whole;
      const value = params[name]!;
      return one === undefined ? String(value) : Number(value) === 1 ? one : other!;
    },
  );
}

/**
 * A time as the service shows it to people: `2025. 01. 16. 10:00` in Hungarian, `16 Jan 2025, 10:00`
 * in English, in the given IANA time zone (Ügyfélkapu+ shows Budapest time).
 */
export function formatTime(language: Language, ms: number, timeZone: string): string {
  const locale = language === 'hu' ? 'hu-HU' : 'en-GB';
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: language === 'hu' ? '2-digit' : 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(ms);
}
