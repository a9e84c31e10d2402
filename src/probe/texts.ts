/**
 * The report's sentences in Hungarian and English: one per verdict, one per reason a measurement
 * was skipped, and the headings of the text report.
 */
import type { Localized } from '../sim/language.js';
import type { InputCase } from './types.js';

export type SkipReason =
  | 'one-account'
  | 'no-account'
  | 'budget'
  | 'one-step-window'
  | 'newer-refused'
  | 'no-answer-text'
  | 'no-lock'
  | 'right-code-accepted'
  | 'window-unknown';

const steps = (n: number, hu: boolean) => (hu ? `${n} lépés` : n === 1 ? '1 step' : `${n} steps`);
const seconds = (ms: number, hu = false) => {
  const text = `${Math.round(ms / 100) / 10} s`;
  return hu ? text.replace('.', ',') : text;
};

/** Sentences, each a function of what was measured. */
export interface Texts {
  behindPass(n: number): string;
  behindNone: string;
  behindWide(n: number, atLeast: boolean): string;
  aheadPass(n: number): string;
  aheadWide(n: number, atLeast: boolean): string;
  clock(offsetSeconds: number): string;
  replayRefused: string;
  replayAccepted: string;
  olderRefused: string;
  olderAccepted: string;
  lockedAfter(n: number, visible: boolean): string;
  lockedAtMost(n: number): string;
  noLock(n: number): string;
  wrongCodeAccepted: string;
  lockHolds: string;
  lockLetsRightCode: string;
  lockOneAttempt: string;
  sameAnswer: string;
  distinctAnswer: string;
  duration(atLeastMs: number, atMostMs: number | null): string;
  input(c: InputCase, sent: string, accepted: boolean): string;
  skip: Record<SkipReason, string>;
  heading: {
    findings: string;
    skipped: string;
    accounts(n: number, source: 'generate' | 'secret' | 'enroll'): string;
    requests: string;
    digits: string;
    verdict(fails: number): string;
  };
}

const en: Texts = {
  behindPass: (n) => `Codes up to ${steps(n, false)} behind are accepted (one step of network delay).`,
  behindNone: 'No code of the previous step is accepted: a code typed late in its step is refused on arrival.',
  behindWide: (n, atLeast) =>
    `Codes ${atLeast ? 'at least' : 'up to'} ${steps(n, false)} behind are accepted: wider than the one step of delay RFC 6238 recommends.`,
  aheadPass: (n) =>
    n === 0 ? 'No code of a later step is accepted.' : `Codes up to ${steps(n, false)} ahead are accepted.`,
  aheadWide: (n, atLeast) =>
    `Codes ${atLeast ? 'at least' : 'up to'} ${steps(n, false)} ahead are accepted: the window is open to the future, so a code read from a phone in advance stays good.`,
  clock: (s) =>
    s === 0
      ? "The verifier's clock agrees with this machine's to within a step."
      : `The verifier's clock looks ${Math.abs(s)} s ${s > 0 ? 'ahead of' : 'behind'} this machine's (if its window is the same both ways).`,
  replayRefused: 'A code accepted once was refused the second time.',
  replayAccepted: 'The same code was accepted twice within its step.',
  olderRefused: "After a newer step's code, an unused code of an older step was refused.",
  olderAccepted: "After a newer step's code, an unused code of an older step was still accepted.",
  lockedAfter: (n, visible) =>
    visible
      ? `After ${n} wrong codes the verifier answers that the account is locked.`
      : `After ${n} wrong code${n === 1 ? '' : 's'} the right code was refused (locked or throttled).`,
  lockedAtMost: (n) => `After ${n} wrong codes the right code was refused; the exact number needs fresh accounts.`,
  noLock: (n) => `After ${n} wrong codes the right code was still accepted: no throttling or lockout.`,
  wrongCodeAccepted: 'A random wrong code was accepted.',
  lockHolds: 'While locked, the right code was refused.',
  lockLetsRightCode: 'While locked, the right code was accepted.',
  lockOneAttempt: 'The lock held for one attempt only: the right code sent again at once was accepted.',
  sameAnswer: 'A right code refused by the lock got the same answer as a wrong code.',
  distinctAnswer:
    'A right code refused by the lock got a different answer from a wrong code: it tells an attacker the guess was right.',
  duration: (lo, hi) =>
    hi === null
      ? `The right code was still refused ${seconds(lo)} after the last wrong code (the probe waited no longer).`
      : `The right code was refused for at least ${seconds(lo)} and accepted again within ${seconds(hi)} of the last wrong code.`,
  input: (c, sent, ok) => `${INPUT_NAMES[c].en} (${JSON.stringify(sent)}) was ${ok ? 'accepted' : 'refused'}.`,
  skip: {
    'one-account': 'needs fresh accounts: the one given account is neither locked nor used up (give an enrolment)',
    'no-account': 'no account was left (the account limit was reached)',
    budget: 'the request budget was spent',
    'one-step-window': "the window is one step wide: an older step's code is refused by the window itself",
    'newer-refused': 'the newer code was refused, so the order could not be tested',
    'no-answer-text': 'a function answers only true or false',
    'no-lock': 'no lock was seen',
    'right-code-accepted': 'the right code was accepted: no answer of the lock to compare',
    'window-unknown': 'needs the window, which was not measured',
  },
  heading: {
    findings: 'Findings',
    skipped: 'Skipped',
    accounts: (n, source) =>
      `${n} account${n === 1 ? '' : 's'} (${{ generate: 'made up by the probe', secret: 'given', enroll: 'enrolled' }[source]})`,
    requests: 'requests',
    digits: 'digits',
    verdict: (n) =>
      n === 0 ? 'Nothing breaks a rule.' : `${n} finding${n === 1 ? '' : 's'} break${n === 1 ? 's' : ''} a rule.`,
  },
};

const hu: Texts = {
  behindPass: (n) => `Legfeljebb ${steps(n, true)}sel korábbi kódot fogad el (egy lépésnyi hálózati késés).`,
  behindNone: 'Az előző lépés kódját nem fogadja el: a lépés végén beírt kód megérkezéskor már érvénytelen.',
  behindWide: (n, atLeast) =>
    `${atLeast ? 'Legalább' : 'Legfeljebb'} ${steps(n, true)}sel korábbi kódot is elfogad: tágabb az RFC 6238 által ajánlott egy lépésnél.`,
  aheadPass: (n) =>
    n === 0 ? 'Későbbi lépés kódját nem fogadja el.' : `Legfeljebb ${steps(n, true)}sel későbbi kódot fogad el.`,
  aheadWide: (n, atLeast) =>
    `${atLeast ? 'Legalább' : 'Legfeljebb'} ${steps(n, true)}sel későbbi kódot is elfogad: az ablak nyitott a jövő felé, az előre leolvasott kód is jó marad.`,
  clock: (s) =>
    s === 0
      ? 'Az ellenőrző órája egy lépésen belül egyezik ezzel a géppel.'
      : `Az ellenőrző órája ${Math.abs(s)} mp-cel ${s > 0 ? 'siet' : 'késik'} ehhez a géphez képest (ha az ablaka mindkét irányban egyforma).`,
  replayRefused: 'Az egyszer elfogadott kódot másodszorra elutasította.',
  replayAccepted: 'Ugyanazt a kódot a lépésén belül kétszer is elfogadta.',
  olderRefused: 'Egy újabb lépés kódja után egy régebbi lépés még fel nem használt kódját elutasította.',
  olderAccepted: 'Egy újabb lépés kódja után egy régebbi lépés kódját még elfogadta.',
  lockedAfter: (n, visible) =>
    visible
      ? `${n} hibás kód után a válasz szerint a fiók zárolva van.`
      : `${n} hibás kód után a helyes kódot elutasította (zárolás vagy lassítás).`,
  lockedAtMost: (n) => `${n} hibás kód után a helyes kódot elutasította; a pontos számhoz friss fiókok kellenek.`,
  noLock: (n) => `${n} hibás kód után a helyes kódot még elfogadta: nincs lassítás vagy zárolás.`,
  wrongCodeAccepted: 'Egy véletlen hibás kódot elfogadott.',
  lockHolds: 'Zárolás alatt a helyes kódot elutasította.',
  lockLetsRightCode: 'Zárolás alatt a helyes kódot elfogadta.',
  lockOneAttempt: 'A zárolás csak egy próbálkozásig tartott: az azonnal újra küldött helyes kódot elfogadta.',
  sameAnswer: 'A zárolás miatt elutasított helyes kódra ugyanazt válaszolta, mint egy hibásra.',
  distinctAnswer:
    'A zárolás miatt elutasított helyes kódra mást válaszolt, mint egy hibásra: elárulja a támadónak, hogy jól tippelt.',
  duration: (lo, hi) =>
    hi === null
      ? `A helyes kódot az utolsó hibás kód után ${seconds(lo, true)} múlva is elutasította (tovább nem várt).`
      : `A helyes kódot legalább ${seconds(lo, true)}-ig elutasította, és az utolsó hibás kód után ${seconds(hi, true)}-on belül újra elfogadta.`,
  input: (c, sent, ok) => `${INPUT_NAMES[c].hu} (${JSON.stringify(sent)}): ${ok ? 'elfogadta' : 'elutasította'}.`,
  skip: {
    'one-account':
      'friss fiókok kellenek: az egyetlen megadott fiókot nem zárolja és nem éli fel (adjon meg regisztrációt)',
    'no-account': 'nem maradt fiók (elérte a fiókok számának korlátját)',
    budget: 'elfogyott a kérések kerete',
    'one-step-window': 'az ablak egy lépés széles: a régebbi lépés kódját maga az ablak utasítja el',
    'newer-refused': 'az újabb kódot elutasította, így a sorrend nem vizsgálható',
    'no-answer-text': 'egy függvény csak igazat vagy hamisat válaszol',
    'no-lock': 'nem látszott zárolás',
    'right-code-accepted': 'a helyes kódot elfogadta: nincs a zárolás miatti válasz, amit össze lehetne vetni',
    'window-unknown': 'az ablak kellene hozzá, de azt nem mérte',
  },
  heading: {
    findings: 'Megállapítások',
    skipped: 'Kihagyva',
    accounts: (n, source) =>
      `${n} fiók (${{ generate: 'a próba készítette', secret: 'megadott', enroll: 'regisztrált' }[source]})`,
    requests: 'kérés',
    digits: 'számjegy',
    verdict: (n) => (n === 0 ? 'Egyetlen szabályt sem sért.' : `${n} megállapítás sért szabályt.`),
  },
};

/** What each input case is, in words. */
export const INPUT_NAMES: Record<InputCase, Localized> = {
  'space-inside': {
    en: 'The code with a space inside, as the app shows it',
    hu: 'A kód szóközzel, ahogy az alkalmazás mutatja',
  },
  'surrounding-space': {
    en: 'The code with white space around it, as pasted',
    hu: 'A kód körülötte szóközzel, ahogy bemásolják',
  },
  'one-digit-short': { en: 'The code one digit short', hu: 'Egy számjeggyel rövidebb kód' },
  'one-digit-long': { en: 'The code with a leading zero, one digit long', hu: 'Egy bevezető nullával hosszabb kód' },
  'non-ascii-digits': { en: 'The code in full-width digits', hu: 'A kód teljes szélességű számjegyekkel' },
  empty: { en: 'An empty code', hu: 'Üres kód' },
};

export const TEXTS: Localized<Texts> = { en, hu };
