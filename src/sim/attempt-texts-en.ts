/**
 * Why an attempt was refused, in English: the hidden reason for the trainer, and what to tell the
 * participant. Spans count from the time of reading.
 */
import type { AttemptCatalog } from './attempt-types.js';

const FAULTS = { maintenance: 'Maintenance', outage: 'An outage', timeout: 'A time-out' } as const;

const ordinal = (n: number): string => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
};

const IN_PERSON =
  'Only an in-person visit unlocks it (a customer service office or government office); in the training the trainer unlocks it.';

export const ATTEMPT_TEXTS_EN: AttemptCatalog = {
  'wrong-password': (p) => {
    const locked = p.failures! >= p.maxFailures!;
    return [
      `A wrong password, the ${ordinal(p.failures!)} in a row${locked ? ': the account is now locked' : ` (it locks after ${p.maxFailures})`}.`,
      locked
        ? `The account is locked. ${IN_PERSON}`
        : `Check the password (Caps Lock, keyboard layout, accents); ${p.maxFailures! - p.failures!} tries are left before the lock.`,
    ];
  },
  locked: (p) => [
    `The account is locked after ${p.maxFailures} wrong passwords in a row; while locked, even the right password is refused.`,
    IN_PERSON,
  ],
  busy: () => [
    'Several password checks of this account ran at once; this one found no free place.',
    'Try again in a few seconds, from one window only.',
  ],
  'already-enrolled': () => [
    'The account already has a phone bound: a new setup cannot be started.',
    'For a new phone use "Beállítás másik eszközre" (set up on another device) after logging in; for a lost phone, the deletion code (törlőkód).',
  ],
  'not-enrolled': () => [
    'The account has no Ügyfélkapu+ set up (or the deletion code removed it).',
    'Set up Ügyfélkapu+ first: the QR code, the phone’s code, saving the deletion code, Befejezés (Finish).',
  ],
  'activation-pending': (p, w) => {
    const left = p.activeFrom! - w.now;
    return [
      `The setup was not active yet: after Befejezés (Finish) it takes a while; it starts working at ${w.at(p.activeFrom!)}.`,
      left > 0
        ? `Wait another ${w.span(left)}, then type the phone’s current code.`
        : 'It is active now: type the phone’s current code again.',
    ];
  },
  throttled: (p, w) => {
    const left = p.retryAt! - w.now;
    return [
      `Too many wrong codes in a row (${p.failures}): until ${w.at(p.retryAt!)} the service judges no code.`,
      left > 0
        ? `Wait another ${w.span(left)} before typing a code.`
        : 'The wait is over: type the phone’s current code.',
    ];
  },
  'wrong-code': (p) => [
    `The code matches no nearby step (±20 steps): a typo, a code of another account or service, or of a replaced key.${p.failures ? ` The ${ordinal(p.failures)} wrong code in a row.` : ''}`,
    'Check that the code is read from the Ügyfélkapu+ entry on the phone; if there are several such entries, the newest is the right one.',
  ],
  'clock-off': (p) => {
    const steps = Math.abs(p.stepOffset!);
    const behind = p.stepOffset! < 0;
    return [
      `The code is ${steps} step${steps === 1 ? '' : 's'} ${behind ? 'behind' : 'ahead of'} the service’s time (about ${steps * p.period!} s); the service accepts only ±${p.window}.`,
      `The phone’s clock is ${steps} step${steps === 1 ? '' : 's'} ${behind ? 'behind' : 'ahead'}: set date and time to automatic (network time), then type the new code.`,
    ];
  },
  'replayed-code': (p, w) => {
    const left = p.nextCodeAt! - w.now;
    return [
      'This code was accepted once already: a code works only once (RFC 6238 §5.2).',
      left > 0 ? `Wait for the next code (another ${w.span(left)}) and type that.` : 'Type the phone’s current code.',
    ];
  },
  'pending-key': () => [
    'A code of the new setup (the new phone), not finished yet: until Befejezés (Finish) the old binding logs in.',
    'Finish the setup (save the deletion code, tick the box, Befejezés), or log in with the old phone’s code.',
  ],
  'old-key': () => [
    'A code of the old binding being replaced: the setup expects the code of the entry made from the new QR code.',
    'Type the code of the new entry on the phone that scanned the new QR code.',
  ],
  'wrong-deletion-code': (p) => [
    `A wrong deletion code (törlőkód), or a wrong password, on the deletion-code page${p.failures ? `: the ${ordinal(p.failures)} in a row.` : '.'}`,
    'Check the saved deletion code: only the newest setup’s is valid, and each works once.',
  ],
  'acknowledgement-missing': () => [
    '"Törlőkód mentéséről gondoskodtam" (I have saved the deletion code) is not ticked.',
    'Save the deletion code, tick the box, then press Befejezés (Finish).',
  ],
  'email-code-wrong': () => [
    'The e-mailed code is not the one sent last: a typo, or a code from another mail.',
    'Type the code from the mail whose session number matches the one on the screen.',
  ],
  'email-code-expired': (p, w) => [
    `An expired e-mailed code${p.expiresAt === undefined ? '' : `: it stopped working at ${w.at(p.expiresAt)}`}.`,
    'Ask for a new code and type it while it is valid.',
  ],
  'email-code-used': () => ['This e-mailed code was used already.', 'Ask for a new code.'],
  'email-code-superseded': () => [
    'An old e-mailed code: a newer one was sent since, and only the newest works.',
    'Type the code from the newest mail (its session number tells it apart).',
  ],
  'email-code-missing': () => [
    'No code was e-mailed, or the last one was used already.',
    'Ask for a code with "Kód küldése" (send code).',
  ],
  'wrong-factor': (p) => [
    `The account’s second factor is ${p.factor === 'email' ? 'the e-mailed code' : p.factor === 'app' ? 'the app' : 'not set up yet'}; this step expects the other.`,
    p.factor === 'email'
      ? 'Ask for a code by e-mail and type that.'
      : 'Type the app’s code, or choose the e-mailed code first.',
  ],
  'resend-too-soon': (p, w) => {
    const left = p.retryAt! - w.now;
    return [
      'A new code was asked for too soon.',
      left > 0
        ? `Wait another ${w.span(left)}; the code already sent still works, check the inbox.`
        : 'A new code can be asked for now.',
    ];
  },
  'too-many-sends': (p, w) => [
    'Too many codes were asked for within an hour.',
    `A new code can be asked for at ${w.at(p.retryAt!)}; until then use the code of the newest mail.`,
  ],
  'mail-failed': () => [
    'The mail could not be sent (the mail server refused it).',
    'Try again later; if it keeps happening, the mail setup is wrong.',
  ],
  'password-expired': (p, w) => [
    `The right password, but expired at ${w.at(p.expiredAt!)}.${p.lockAt === null || p.lockAt === undefined ? '' : ` Unless it is changed, the account locks at ${w.at(p.lockAt)}.`}`,
    'Change the password (the old one and a new one); then log in as usual.',
  ],
  'password-expired-locked': (p, w) => [
    `The account is locked: the password expired at ${w.at(p.expiredAt!)} and was not changed since.`,
    `${IN_PERSON} Then the password must be changed.`,
  ],
  'password-reused': () => [
    'The new password is the same as the old one.',
    'Choose a new password that differs from the old one.',
  ],
  fault: (p, w) => [
    `${FAULTS[p.fault!]}${p.until ? ` until ${w.at(p.until)}` : ''}: the service judged nothing (${p.operation}).`,
    p.until && p.until > w.now
      ? `Not the participant’s fault: try again after ${w.at(p.until)}.`
      : 'Not the participant’s fault: try again later.',
  ],
  unlocked: () => [
    'The account was unlocked (in person).',
    'Log in again; if the password has expired, it must be changed first.',
  ],
};
