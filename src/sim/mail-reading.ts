/**
 * Reading a code mail back into its fields (the code, the 3-digit session number, what it is for
 * and how long it works), for test suites that read the service's mailbox. The patterns are built
 * from {@link codeMail} itself, with markers where its fields go, so the reader follows any change
 * of wording and reads every language the service writes.
 */
import { LANGUAGES, type Language } from './language.js';
import { codeMail, type CodeMailPurpose } from './mail-texts.js';

/** What a code mail is for, as the control API names it. */
export type MailPurpose = 'login' | 'factor-setup';

/** The fields of a code mail. */
export type CodeMailFields = {
  /** The one-time code. */
  code: string;
  /** The 3-digit number the page shows and the mail repeats. */
  sessionNumber: string;
  purpose: MailPurpose;
  /** How many minutes the mail says the code works. */
  validMinutes: number;
};

const CODE = '\u0001code\u0001';
const SESSION = '\u0001session\u0001';
// A number no template holds by itself; each of its occurrences marks where the minutes go.
const MINUTES = 86_420_531;

type Field = 'code' | 'session' | 'minutes';
type Template = { purpose: MailPurpose; subject: string; text: RegExp; order: Field[] };

/** Each marker, and the field it stands for. */
const MARKS = new Map<string, Field>([
  [CODE, 'code'],
  [SESSION, 'session'],
  [String(MINUTES), 'minutes'],
]);
const PATTERNS: Record<Field, string> = { code: '([0-9]{4,10})', session: '([0-9]{3})', minutes: '([0-9]{1,7})' };

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function templateOf(language: Language, purpose: CodeMailPurpose): Template {
  const mail = codeMail(language, purpose, { code: CODE, sessionNumber: SESSION, minutes: MINUTES });
  const order: Template['order'] = [];
  const markers = new RegExp(`${escape(CODE)}|${escape(SESSION)}|${MINUTES}`, 'g');
  let pattern = '';
  let at = 0;
  for (const found of mail.text.matchAll(markers)) {
    pattern += escape(mail.text.slice(at, found.index));
    const field = MARKS.get(found[0])!;
    order.push(field);
    pattern += PATTERNS[field];
    at = found.index + found[0].length;
  }
  pattern += escape(mail.text.slice(at));
  return {
    purpose: purpose === 'login' ? 'login' : 'factor-setup',
    subject: mail.subject,
    text: new RegExp(`^${pattern}$`),
    order,
  };
}

let templates: Template[] | undefined;

/**
 * The fields of a code mail the simulated service wrote, in any of its languages; null for any
 * other text (a mail it did not write, or one changed on its way).
 * @example
 * readCodeMail(provider.mailbox!.messages().at(-1)!); // { code: '492039', sessionNumber: '417', purpose: 'login', validMinutes: 10 }
 */
export function readCodeMail(mail: { subject: string; text: string }): CodeMailFields | null {
  if (typeof mail?.subject !== 'string' || typeof mail.text !== 'string') return null;
  templates ??= LANGUAGES.flatMap((language) => [templateOf(language, 'login'), templateOf(language, 'setup')]);
  for (const template of templates) {
    if (template.subject !== mail.subject) continue;
    const match = template.text.exec(mail.text);
    if (match === null) continue;
    const value = (field: Field) => match[template.order.indexOf(field) + 1];
    const code = value('code');
    const sessionNumber = value('session');
    const minutes = value('minutes');
    if (code === undefined || sessionNumber === undefined || minutes === undefined) return null;
    return { code, sessionNumber, purpose: template.purpose, validMinutes: Number(minutes) };
  }
  return null;
}
