/** What the interactive demo says, in both languages: the help, status words and short answers. */
import type { ScanResult } from '../../index.js';
import type { Language } from '../../index.js';

export const DEMO_USER = { username: 'kovacs.janos', password: 'Tavaszi-Szel-2025', email: 'kovacs.janos@example.hu' };

/** The phones of the interactive demo, by id, with the name shown (and typed) in each language. */
export const PHONES = { phone: { hu: 'telefon', en: 'phone' }, tablet: { hu: 'táblagép', en: 'tablet' } } as const;
export type PhoneId = keyof typeof PHONES;

const HELP = {
  en: `Commands (the user is ${DEMO_USER.username}; passwords are typed for you):
  register                 create the account
  enroll                   "Ügyfélkapu+ igénylése": the site shows a QR code
  scan [phone|tablet]      the phone scans the QR code on screen
  type [phone|tablet]      "Nem tudom beolvasni a kódot": type the key into the phone
  phones                   what the phones show now (numbered), and their apps
  app                      the authenticator apps a phone can run
  app <phone> <app>        install another app on a phone (its entries stay behind)
  delete <phone> <n>       remove entry n from a phone (swipe left, confirm)
  confirm <code>           type the phone's code under the QR code
  finish                   tick "Törlőkód mentéséről gondoskodtam" and press Befejezés
  login <code>             log in: the password page, then the code page; after a
                           refused code only the code is sent again
                           (login mail: the code of the newest mail)
  device-change <code>     "Beállítás másik eszközre" (needs a current code)
  redeem <törlőkód>        remove the phone binding with the törlőkód
  email [code]             choose the e-mail code as second factor (with a phone
                           bound: its current code); a confirmation code is mailed
  email-redeem <törlőkód>  the same after losing the phone: the törlőkód instead
  email-confirm <code>     type the mailed confirmation code (or: email-confirm mail)
  send-code                the password page, then "Kód küldése": a login code by e-mail
  inbox                    the user's mailbox (codes hidden unless --show-secrets)
  open [n]                 read mail n (default: the newest)
  password <new>           change the password (required once it has expired)
  drift <phone> <seconds>  set a phone's clock error (e.g. drift phone -45)
  time                     show the simulated time (it stands still until moved)
  time +30s, +2m, +1h, +2d move time forward (also just +30s)
  time <date-time>         jump forward to a time with Z or an offset
  fault <maintenance|outage|timeout|off>
  unlock                   the in-person unlock (in real life: a visit to an office)
  audit                    the service's audit log
  help, quit`,
  hu: `Parancsok (a felhasználó ${DEMO_USER.username}; a jelszót a program írja be):
  register                 fiók létrehozása
  enroll                   „Ügyfélkapu+ igénylése”: az oldal QR-kódot mutat
  scan [telefon|táblagép]  a készülék beolvassa a képernyőn lévő QR-kódot
  type [telefon|táblagép]  „Nem tudom beolvasni a kódot”: a kulcs begépelése a készülékbe
  phones                   mit mutatnak a készülékek (sorszámmal), és az alkalmazásuk
  app                      a hitelesítő alkalmazások, amelyek egy készüléken futhatnak
  app <készülék> <alk.>    másik alkalmazás telepítése (a bejegyzések a régiben maradnak)
  delete <készülék> <n>    az n-edik bejegyzés törlése (balra húzás, megerősítés)
  confirm <kód>            a készülék kódjának beírása a QR-kód alatt
  finish                   „Törlőkód mentéséről gondoskodtam” bepipálása és Befejezés
  login <kód>              belépés: jelszó oldal, majd kód oldal; elutasított kód
                           után csak a kódot küldi újra
                           (login mail: a legújabb levél kódja)
  device-change <kód>      „Beállítás másik eszközre” (aktuális kód kell hozzá)
  redeem <törlőkód>        a telefonos kapcsolat törlése a törlőkóddal
  email [kód]              második faktor: e-mailes kód (ha telefon van kötve:
                           annak aktuális kódja); megerősítő kódot küld e-mailben
  email-redeem <törlőkód>  ugyanez elveszett telefon után, a törlőkóddal
  email-confirm <kód>      az e-mailben kapott megerősítő kód (vagy: email-confirm mail)
  send-code                jelszó oldal, majd „Kód küldése”: belépési kód e-mailben
  inbox                    a felhasználó postafiókja (a kódok rejtve, --show-secrets mutatja)
  open [n]                 az n-edik levél elolvasása (alapból a legújabb)
  password <új>            jelszócsere (lejárt jelszó után kötelező)
  drift <készülék> <mp>    a készülék órájának eltérése (pl. drift telefon -45)
  time                     a szimulált idő (áll, amíg nem léptetik)
  time +30s, +2m, +1h, +2d az idő előretekerése (röviden: +30s)
  time <időpont>           ugrás egy későbbi időpontra (Z-vel vagy eltéréssel, pl. +01:00)
  fault <maintenance|outage|timeout|off>
  unlock                   személyes feloldás (a valóságban: ügyintézés kormányablakban)
  audit                    a szolgáltatás naplója
  help, quit`,
};

export const SAY = {
  en: {
    help: HELP.en,
    prompt: 'demo> ',
    noQr: 'No QR code on the screen, or unknown phone (phone or tablet).',
    appUsage: 'app <phone|tablet> <app> (app lists them)',
    stepTwo: 'Ügyfélkapu+ azonosítás 2. lépés (step 2: the code)',
    appInstalled: (phone: string, app: string) => `${phone}: ${app} installed; its list is empty`,
    runs: 'app',
    first: 'First: enroll or device-change.',
    unknown: (c: string) => `Unknown command: ${c} (help)`,
    tooLong: 'that jump in time is too long',
    backwards: 'the simulated clock only moves forward',
    timeUsage: 'time, time +30s (s, m, h or d), or time 2025-01-16T09:00:00Z',
    driftUsage: 'drift <phone|tablet> <seconds>',
    deleteUsage: 'delete <phone|tablet> <n> (n as numbered by phones)',
    deleted: 'entry removed',
    faultUsage: 'fault <maintenance|outage|timeout|off>',
    faultOn: (k: string) => `fault on: ${k} (until "fault off")`,
    faultOff: 'faults off: the service works normally',
    unlocked: 'unlocked (in real life only in person, at an office)',
    auditEmpty: '(the audit log is empty)',
    now: 'simulated time',
    paused: 'The clock stands still until you move it (time +30s). All times are UTC.',
  },
  hu: {
    help: HELP.hu,
    prompt: 'demó> ',
    noQr: 'Nincs QR-kód a képernyőn, vagy ismeretlen készülék (telefon vagy táblagép).',
    appUsage: 'app <telefon|táblagép> <alkalmazás> (az app parancs felsorolja őket)',
    stepTwo: 'Ügyfélkapu+ azonosítás 2. lépés',
    appInstalled: (phone: string, app: string) => `${phone}: ${app} telepítve; a listája üres`,
    runs: 'alkalmazás',
    first: 'Előbb: enroll vagy device-change.',
    unknown: (c: string) => `Ismeretlen parancs: ${c} (help)`,
    tooLong: 'ekkora ugrás az időben nem lehetséges',
    backwards: 'a szimulált idő csak előre halad',
    timeUsage: 'time, time +30s (s, m, h vagy d), vagy time 2025-01-16T10:00:00+01:00',
    driftUsage: 'drift <telefon|táblagép> <mp>',
    deleteUsage: 'delete <telefon|táblagép> <n> (n: a phones parancs sorszáma)',
    deleted: 'bejegyzés törölve',
    faultUsage: 'fault <maintenance|outage|timeout|off>',
    faultOn: (k: string) =>
      `hiba bekapcsolva: ${({ maintenance: 'karbantartás', outage: 'üzemzavar', timeout: 'időtúllépés' } as Record<string, string>)[k] ?? k} („fault off”-ig)`,
    faultOff: 'hibák kikapcsolva: a szolgáltatás rendben működik',
    unlocked: 'feloldva (a valóságban csak személyesen, kormányablakban)',
    auditEmpty: '(a napló üres)',
    now: 'szimulált idő',
    paused: 'Az idő áll, amíg nem léptetik (time +30s). Az időpontok budapesti idő szerint értendők.',
  },
} as const;

/** What the e-mail commands say. */
export const EMAIL_SAY = {
  en: {
    emailFirst: 'First: email (or email-redeem).',
    notEmail: "This account's second factor is not e-mail: log in with the app's code.",
    inboxEmpty: '(the inbox is empty)',
    openHint: 'open [n] reads a mail',
    openUsage: 'open [n] (n as numbered by inbox)',
    passwordUsage: 'password <new password>',
    mail: 'mail',
    masked: 'the code is hidden; --show-secrets shows it, login mail types it',
  },
  hu: {
    emailFirst: 'Előbb: email (vagy email-redeem).',
    notEmail: 'A fiók második faktora nem az e-mail: lépjen be az alkalmazás kódjával.',
    inboxEmpty: '(a postafiók üres)',
    openHint: 'open [n]: a levél elolvasása',
    openUsage: 'open [n] (n: az inbox sorszáma)',
    passwordUsage: 'password <új jelszó>',
    mail: 'levél',
    masked: 'a kód rejtve; --show-secrets mutatja, a login mail beírja',
  },
} as const;

/** What a phone says after a scan or a typed key, in the session's language. */
export function scanStatus(
  result: ScanResult | { status: 'added' | 'duplicate'; message?: string },
  language: Language,
): string {
  const words =
    language === 'hu'
      ? { added: 'felvéve', duplicate: 'már rajta van', imported: 'átvéve' }
      : { added: 'added', duplicate: 'already there', imported: 'imported' };
  const word = (words as Record<string, string>)[result.status];
  const message = 'message' in result && typeof result.message === 'string' ? result.message : undefined;
  if (word === undefined) return message ?? result.status;
  return message === undefined ? word : `${word}: ${message}`;
}
