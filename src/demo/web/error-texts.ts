/**
 * Library errors in the page's language. The library's messages are English and technical
 * (`"username" must be 1 to 128 printable characters, got ""`); the page shows a friendly text
 * chosen by the error's stable `code` (and, for bad arguments, by the parameter it names) and
 * keeps the original in a folded details line for the trainer.
 */
import type { Language } from '../../index.js';

/** What the page shows for an error. */
export interface FriendlyError {
  text: string;
  /** The technical text, or undefined when there is nothing more to say. */
  details: string | undefined;
}

type Pair = Readonly<Record<Language, string>>;

const BY_CODE: Readonly<Record<string, Pair>> = {
  INVALID_ARGUMENT: { hu: 'A megadott adat nem megfelelő.', en: 'The value given is not valid.' },
  INVALID_SECRET: {
    hu: 'A kulcs nem olvasható: csak az A–Z betűk és a 2–7 számjegyek szerepelhetnek benne (base32).',
    en: 'The key cannot be read: only the letters A–Z and the digits 2–7 may appear in it (base32).',
  },
  INVALID_KEY_URI: {
    hu: 'A QR-kód nem hitelesítő alkalmazásnak szóló beállító kód.',
    en: 'The QR code is not a setup code for an authenticator app.',
  },
  INVALID_MIGRATION: { hu: 'Az átviteli QR-kód nem olvasható.', en: 'The transfer QR code cannot be read.' },
  INVALID_IMAGE: {
    hu: 'A kép nem olvasható: PNG vagy JPEG képet válasszon.',
    en: 'The picture cannot be read: choose a PNG or JPEG picture.',
  },
  INVALID_STATE: {
    hu: 'Ez a lépés most nem végezhető el (a folyamat már lezárult vagy lejárt).',
    en: 'This step cannot be done now (the process is already over or has expired).',
  },
  STORE_ERROR: { hu: 'A böngésző tárhelye nem érhető el.', en: "The browser's storage is not available." },
  // Room mode: answers of the HTTP service (see room.ts).
  NETWORK: {
    hu: 'A közös szimulált szolgáltatás nem érhető el (fut még a totp-lab serve --api?).',
    en: 'The shared simulated service cannot be reached (is totp-lab serve --api still running?).',
  },
  UNAUTHORIZED: {
    hu: 'Ehhez oktatói kulcs kell, vagy lejárt a munkamenet.',
    en: 'This needs the trainer token, or the session has expired.',
  },
  LOGIN_TICKET_INVALID: {
    hu: 'A belépés lejárt: adja meg újra a jelszót és a kódot.',
    en: 'The login has expired: enter the password and the code again.',
  },
  FORBIDDEN_ORIGIN: { hu: 'A szolgáltatás elutasította a kérést.', en: 'The service refused the request.' },
};

/** Bad arguments, by the parameter the library names first in its message. */
const BY_PARAMETER: Readonly<Record<string, Pair>> = {
  username: { hu: 'Adjon meg egy felhasználónevet (1–128 karakter).', en: 'Enter a username (1 to 128 characters).' },
  password: { hu: 'Adja meg a jelszót.', en: 'Enter the password.' },
  newPassword: { hu: 'Adjon meg egy új jelszót.', en: 'Enter a new password.' },
  setupId: {
    hu: 'Ez a beállítás már lezárult vagy lejárt: kezdje újra.',
    en: 'This setup is over or has expired: start again.',
  },
  email: { hu: 'Adjon meg egy érvényes e-mail-címet.', en: 'Enter a valid e-mail address.' },
  account: { hu: 'Adja meg a fiók nevét.', en: 'Enter the account name.' },
  secret: { hu: 'Adja meg a kulcsot.', en: 'Enter the key.' },
  driftMs: { hu: 'Az óraeltérés legfeljebb ±10 év lehet.', en: 'The clock error can be at most ±10 years.' },
};

/** Camera errors, by the DOMException name the browser gives. */
const BY_DOM_NAME: Readonly<Record<string, Pair>> = {
  NotFoundError: { hu: 'Nem található kamera ezen a gépen.', en: 'No camera was found on this computer.' },
  NotAllowedError: {
    hu: 'A böngésző nem engedte a kamera használatát.',
    en: 'The browser did not allow the camera to be used.',
  },
  NotReadableError: {
    hu: 'A kamerát most egy másik program használja.',
    en: 'Another program is using the camera now.',
  },
  OverconstrainedError: {
    hu: 'A kamera nem tudja a kért képet adni.',
    en: 'The camera cannot give the picture asked for.',
  },
  SecurityError: {
    hu: 'A kamera csak biztonságos (https vagy localhost) oldalon használható.',
    en: 'The camera works only on a secure (https or localhost) page.',
  },
};

const NO_CAMERA_API: Pair = {
  hu: 'Ez a böngésző nem ad hozzáférést kamerához.',
  en: 'This browser gives no access to a camera.',
};
const UNEXPECTED: Pair = { hu: 'Váratlan hiba történt.', en: 'Something unexpected went wrong.' };

/** The friendly text of `error` in `lang`, with the technical text kept aside; `camera` when starting a webcam. */
export function friendlyError(error: unknown, lang: Language, context?: 'camera'): FriendlyError {
  const details = error instanceof Error ? error.message : String(error);
  const code =
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
      ? (error as { code: string }).code
      : null;
  const name = error instanceof Error ? error.name : '';
  let pair: Pair = UNEXPECTED;
  if (code === 'INVALID_ARGUMENT') {
    const parameter = /^"([A-Za-z]+)"/.exec(details)?.[1];
    pair = (parameter !== undefined ? BY_PARAMETER[parameter] : undefined) ?? BY_CODE[code]!;
  } else if (code === 'INVALID_STATE' && context === 'camera') pair = NO_CAMERA_API;
  else if (code !== null && BY_CODE[code]) pair = BY_CODE[code];
  else if (BY_DOM_NAME[name]) pair = BY_DOM_NAME[name];
  return { text: pair[lang], details: details || undefined };
}
