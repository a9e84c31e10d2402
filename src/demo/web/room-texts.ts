/**
 * The texts of the trainer's room view, the participant's countdown in a room and the folded
 * controls on a projector, in Hungarian and English.
 */
import type { Language } from '../../index.js';
import type { RoomStage } from './room-view-data.js';

const HU = {
  roomTitle: 'A terem',
  roomHint:
    'Minden fiók a közös szolgáltatáson, kétmásodpercenként frissül. Az elutasítás oka és a tanács csak itt látszik; a résztvevő csak az általános elutasítást kapja.',
  roomEmpty: 'Még senki nem regisztrált.',
  colName: 'Név',
  colStage: 'Állapot',
  colWhy: 'Utolsó elutasítások (rejtett ok)',
  colAdvice: 'Mit mondjon a résztvevőnek',
  colActions: 'Teendő',
  unlockOne: 'Feloldás',
  endFault: 'Hiba vége',
  showMail: 'Levelek',
  hideMail: 'Levelek elrejtése',
  mailOf: 'Levelei:',
  noMail: 'Nincs levél.',
  faultOn: 'Szolgáltatási hiba van érvényben:',
  noAdvice: '—',
  waitActivation: 'Várjon még {s} mp-et, majd lépjen be a telefon új kódjával.',
  activeNow: 'A beállítás már aktív: lépjen be a telefon új kódjával.',
  moreControls: 'További vezérlők',
  fewerControls: 'Kevesebb vezérlő',
  linkRefused:
    'A szerver elutasította az oktatói hivatkozást (már felhasználták, vagy nem érvényes): ez az ablak oktatói vezérlők nélkül működik.',
} as const;

export type RoomTextKey = keyof typeof HU;

const EN: Record<RoomTextKey, string> = {
  roomTitle: 'The room',
  roomHint:
    'Every account on the shared service, refreshed every two seconds. Why each attempt was refused and what to say show only here; the participant gets the generic refusal only.',
  roomEmpty: 'Nobody has registered yet.',
  colName: 'Name',
  colStage: 'Stage',
  colWhy: 'Last refusals (hidden reason)',
  colAdvice: 'What to tell the participant',
  colActions: 'Action',
  unlockOne: 'Unlock',
  endFault: 'End the fault',
  showMail: 'Mail',
  hideMail: 'Hide the mail',
  mailOf: 'Mail of',
  noMail: 'No mail.',
  faultOn: 'A service fault is on:',
  noAdvice: '—',
  waitActivation: 'Wait another {s} s, then log in with the phone’s new code.',
  activeNow: 'The setup is active now: log in with the phone’s new code.',
  moreControls: 'More controls',
  fewerControls: 'Fewer controls',
  linkRefused: 'The server refused the trainer link (used already, or not valid): this window has no trainer controls.',
};

const STAGES: Readonly<Record<Language, Readonly<Record<RoomStage, string>>>> = {
  hu: {
    registered: 'regisztrált',
    'qr-shown': 'QR-kód megjelenítve',
    confirmed: 'kód megerősítve',
    'deletion-code-saved': 'törlőkód mentve (aktiválásra vár)',
    active: 'aktív',
    locked: 'zárolt',
    'password-expired': 'lejárt jelszó',
  },
  en: {
    registered: 'registered',
    'qr-shown': 'QR code shown',
    confirmed: 'code confirmed',
    'deletion-code-saved': 'deletion code (törlőkód) saved, awaiting activation',
    active: 'active',
    locked: 'locked',
    'password-expired': 'password expired',
  },
};

/** The room texts of one language. */
export function roomTextsFor(lang: Language): Record<RoomTextKey, string> {
  return lang === 'hu' ? HU : EN;
}

/** A stage in words. */
export function stageText(stage: RoomStage, lang: Language): string {
  return STAGES[lang][stage];
}
