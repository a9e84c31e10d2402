/**
 * The e-mails the simulated service sends, in Hungarian and English. The real wording of the
 * Ügyfélkapu+ mail is not public; these carry what the reports say it carries: the 6-digit code,
 * the 3-digit session number the page shows, and how long the code is valid.
 */
import type { Language } from './language.js';

/** What a code mail is for: a login, or confirming the choice of e-mail as the second factor. */
export type CodeMailPurpose = 'login' | 'setup';

/** The subject and body of a code mail. */
export function codeMail(
  language: Language,
  purpose: CodeMailPurpose,
  fields: { code: string; sessionNumber: string; minutes: number },
): { subject: string; text: string } {
  const { code, sessionNumber, minutes } = fields;
  if (language === 'hu') {
    const what = purpose === 'login' ? 'hitelesítő kód' : 'megerősítő kód';
    return {
      subject: `Ügyfélkapu+ ${what}`,
      text: [
        'Tisztelt Ügyfelünk!',
        '',
        `Az Ügyfélkapu+ ${what}ja: ${code}`,
        `Munkamenet-azonosító: ${sessionNumber}`,
        `A kód ${minutes} percig érvényes, és csak egyszer használható.`,
        '',
        'Ha nem Ön kezdeményezte, hagyja figyelmen kívül ezt a levelet.',
      ].join('\n'),
    };
  }
  const what = purpose === 'login' ? 'verification code' : 'confirmation code';
  return {
    subject: `Ügyfélkapu+ ${what}`,
    text: [
      'Dear customer,',
      '',
      `Your Ügyfélkapu+ ${what}: ${code}`,
      `Session number: ${sessionNumber}`,
      `The code is valid for ${minutes} minutes and works once.`,
      '',
      'If this was not you, ignore this message.',
    ].join('\n'),
  };
}
