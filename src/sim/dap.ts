/**
 * A stand-in for DÁP (Digitális Állampolgár), a different Hungarian login: a phone app tied to one
 * device, registered in person or with the eID card, logged into by scanning a QR code with that
 * app. It shares nothing with Ügyfélkapu+, which is the point trainers need to make: Ügyfélkapu+
 * credentials do not log into DÁP.
 */
import { checkOptions } from '../core/input.js';
import { DEFAULT_LANGUAGE, checkLanguage, type Language } from './language.js';

export type DapResult = { ok: boolean; message: string };

export interface DapService {
  /** A username, password and TOTP code, as Ügyfélkapu+ takes them: DÁP has no such login. */
  loginWithPassword(input: { username: string; password: string; code: string }): Promise<DapResult>;
}

const MESSAGES: Record<Language, string> = {
  hu: 'A DÁP-ba nem lehet ügyfélkapus felhasználónévvel, jelszóval és kóddal belépni: a belépéshez a regisztrált eszközön futó Digitális Állampolgár mobilalkalmazással kell beolvasni a QR-kódot.',
  en: 'DÁP does not take an Ügyfélkapu username, password and code: you log in by scanning its QR code with the Digitális Állampolgár app on your registered device.',
};

/** Makes the DÁP stand-in. */
export function createDapService(options: { language?: Language } = {}): DapService {
  const language = checkLanguage(checkOptions(options).language ?? DEFAULT_LANGUAGE);
  return {
    async loginWithPassword() {
      return { ok: false, message: MESSAGES[language] };
    },
  };
}
