/**
 * The words of the OpenID Connect front's pages, in Hungarian (as Ügyfélkapu+ speaks) and English.
 * What the service itself says (refusals, faults, the e-mail code's session number) comes from the
 * provider's message catalog instead, in the page's language.
 */
import type { Language, Localized } from '../../sim/language.js';

export type PageTexts = {
  title: string;
  simulated: string;
  signInTo: string;
  username: string;
  password: string;
  signIn: string;
  step2: string;
  appCode: string;
  emailCode: string;
  emailCodeHint: string;
  sendEmailCode: string;
  resendEmailCode: string;
  continue: string;
  cancel: string;
  expiredTitle: string;
  expiredIntro: string;
  currentPassword: string;
  newPassword: string;
  changePassword: string;
  changedSignIn: string;
  startOver: string;
  errorTitle: string;
  errorIntro: string;
  logoutTitle: string;
  logoutQuestion: string;
  logoutYes: string;
  logoutNo: string;
  loggedOut: string;
  otherLanguage: string;
};

const HU: PageTexts = {
  title: 'Ügyfélkapu+ azonosítás',
  simulated: 'Szimulált Ügyfélkapu+ (totp-lab): ne adjon meg valódi jelszót.',
  signInTo: 'Bejelentkezés ide: {client}',
  username: 'Felhasználónév',
  password: 'Jelszó',
  signIn: 'Belépés',
  step2: 'Ügyfélkapu+ azonosítás 2. lépés',
  appCode: 'Mobilalkalmazásban kapott azonosító megadása',
  emailCode: 'E-mailben kapott kód',
  emailCodeHint: 'Kérjen kódot e-mailben; a levél ugyanazt a munkamenet-azonosítót mutatja, mint ez az oldal.',
  sendEmailCode: 'Kód küldése',
  resendEmailCode: 'Új kód küldése',
  continue: 'Tovább',
  cancel: 'Mégse',
  expiredTitle: 'Jelszócsere',
  expiredIntro: 'Adja meg jelenlegi jelszavát és az új jelszót.',
  currentPassword: 'Jelenlegi jelszó',
  newPassword: 'Új jelszó',
  changePassword: 'Jelszó megváltoztatása',
  changedSignIn: 'Lépjen be az új jelszóval.',
  startOver: 'A belépés ideje lejárt, vagy túl sok kódot próbált. Kérjük, kezdje újra a jelszóval.',
  errorTitle: 'Hiba történt',
  errorIntro: 'A kérés nem teljesíthető. Térjen vissza az alkalmazáshoz, és kezdje újra a belépést.',
  logoutTitle: 'Kijelentkezés',
  logoutQuestion: 'Ki szeretne jelentkezni?',
  logoutYes: 'Igen, kijelentkezem',
  logoutNo: 'Nem, bejelentkezve maradok',
  loggedOut: 'Sikeresen kijelentkezett.',
  otherLanguage: 'English',
};

const EN: PageTexts = {
  title: 'Ügyfélkapu+ sign-in',
  simulated: 'Simulated Ügyfélkapu+ (totp-lab): do not enter a real password.',
  signInTo: 'Sign in to {client}',
  username: 'Username',
  password: 'Password',
  signIn: 'Sign in',
  step2: 'Ügyfélkapu+ sign-in, step 2',
  appCode: 'Enter the code from your authenticator app',
  emailCode: 'Code from the e-mail',
  emailCodeHint: 'Ask for a code by e-mail; the mail shows the same session number as this page.',
  sendEmailCode: 'Send code',
  resendEmailCode: 'Send a new code',
  continue: 'Continue',
  cancel: 'Cancel',
  expiredTitle: 'Change your password',
  expiredIntro: 'Enter your current password and a new one.',
  currentPassword: 'Current password',
  newPassword: 'New password',
  changePassword: 'Change password',
  changedSignIn: 'Sign in with your new password.',
  startOver: 'This sign-in has expired or too many codes were tried. Please start again with your password.',
  errorTitle: 'Something went wrong',
  errorIntro: 'The request cannot be completed. Go back to the application and sign in again.',
  logoutTitle: 'Sign out',
  logoutQuestion: 'Do you want to sign out?',
  logoutYes: 'Yes, sign me out',
  logoutNo: 'No, stay signed in',
  loggedOut: 'You have signed out.',
  otherLanguage: 'Magyar',
};

export const PAGE_TEXTS: Localized<PageTexts> = { hu: HU, en: EN };

/**
 * The page language for an OpenID Connect `ui_locales` value (OIDC Core §3.1.2.1: space-separated
 * BCP 47 tags, preferred first): the first one totp-lab speaks, else `fallback`.
 */
export function languageOf(uiLocales: unknown, fallback: Language): Language {
  if (typeof uiLocales !== 'string') return fallback;
  for (const tag of uiLocales.split(' ').slice(0, 10)) {
    const primary = tag.split('-')[0]!.toLowerCase();
    if (primary === 'hu' || primary === 'en') return primary;
  }
  return fallback;
}
