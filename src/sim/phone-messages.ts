/**
 * What the virtual phone says, in English (the default) and Hungarian, as an authenticator app
 * would show it in the phone's language.
 */
import type { Language } from './language.js';

export interface PhoneMessages {
  duplicate(name: string): string;
  sameNameOtherKey(name: string): string;
  noCode: string;
  unrecognized: string;
  deleteWarning(where: string | null): string;
}

export const PHONE_MESSAGES: Readonly<Record<Language, PhoneMessages>> = Object.freeze({
  en: {
    duplicate: (name) => `${name} is already on this phone with the same key`,
    sameNameOtherKey: (name) =>
      `${name} was already on this phone with a different key; the older entry stops working if the service replaced the key`,
    noCode: 'no QR code found in the picture',
    unrecognized: 'the QR code is not an authenticator key (otpauth://) or transfer (otpauth-migration://) code',
    deleteWarning: (where) =>
      `Removing this account does not turn off two-step verification at ${where ?? 'the service'}; without the key you may not be able to sign in.`,
  },
  hu: {
    duplicate: (name) => `${name} már szerepel a telefonon, ugyanazzal a kulccsal`,
    sameNameOtherKey: (name) =>
      `${name} már szerepelt a telefonon, más kulccsal; a régebbi bejegyzés nem működik tovább, ha a szolgáltatás lecserélte a kulcsot`,
    noCode: 'a képen nem található QR-kód',
    unrecognized: 'a QR-kód nem hitelesítő kulcs (otpauth://) és nem fiókátvitel (otpauth-migration://)',
    deleteWarning: (where) =>
      `A fiók eltávolítása nem kapcsolja ki a kétlépcsős azonosítást${where === null ? '' : ` itt: ${where}`}; a kulcs nélkül lehet, hogy nem tud majd belépni.`,
  },
});
