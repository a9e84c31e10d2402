/**
 * The e-mail commands of the interactive demo: choosing e-mail as the second factor, asking for a
 * login code, the inbox (codes masked unless secrets are shown; `open` reads one mail in full, as
 * the user opening it would), and the password change that an expired password requires.
 */
import { createMemoryMailbox, type MailMessage, type Mailer, type MemoryMailbox } from '../../index.js';
import { clockTime } from './format.js';
import { passwordPage, type DemoSession } from './interactive-session.js';
import { DEMO_USER as USER, EMAIL_SAY } from './interactive-texts.js';

/** The demo's inbox, and the mailer the service gets: the inbox alone, or another mailer first. */
export function demoMailer(also: Mailer | undefined): { inbox: MemoryMailbox; mailer: Mailer } {
  const inbox = createMemoryMailbox();
  if (also === undefined) return { inbox, mailer: inbox };
  // What the other mailer (an SMTP server) refused is not in the inbox either: it was not sent.
  return {
    inbox,
    mailer: {
      async send(message) {
        await also.send(message);
        await inbox.send(message);
      },
    },
  };
}

/** Hides the digits of the codes in a mail's text (six-digit runs). */
export function maskCodes(text: string): string {
  return text.replace(/\b\d{6}\b/g, '••••••');
}

/** The newest code in the inbox (what the user copies from the mail), or undefined. */
export function newestMailedCode(inbox: MemoryMailbox): string | undefined {
  const newest = inbox.messages(USER.email).at(-1);
  return newest === undefined ? undefined : /\b(\d{6})\b/.exec(newest.text)?.[1];
}

/** The e-mail commands: runs `command` when it is one of them; false when it is not. */
export function emailCommands(c: DemoSession): (command: string, args: string[]) => Promise<boolean> {
  // The e-mail setup waiting for its confirmation code.
  let setupId: string | null = null;
  return (command, args) =>
    runEmailCommand(c, command, args, {
      get: () => setupId,
      set: (id) => (setupId = id),
    });
}

async function runEmailCommand(
  c: DemoSession,
  command: string,
  args: string[],
  setup: { get(): string | null; set(id: string | null): void },
): Promise<boolean> {
  const say = EMAIL_SAY[c.language];
  const username = USER.username;
  switch (command) {
    case 'email': {
      const proof = args.join('');
      const r = await c.provider.startEmailFactor({
        username,
        password: c.password(),
        ...(proof !== '' && { code: proof }),
      });
      c.site(r);
      if (r.ok) setup.set(r.setupId);
      return true;
    }
    case 'email-redeem': {
      const r = await c.provider.startEmailFactor({ username, password: c.password(), deletionCode: args.join(' ') });
      c.site(r);
      if (r.ok) setup.set(r.setupId);
      return true;
    }
    case 'email-confirm': {
      const setupId = setup.get();
      if (setupId === null) {
        c.fail(say.emailFirst);
        return true;
      }
      const code = args[0] === 'mail' ? (newestMailedCode(c.inbox) ?? '') : args.join('');
      const r = await c.provider.confirmEmailFactor({ setupId, code });
      c.site(r);
      if (r.ok) setup.set(null);
      return true;
    }
    case 'send-code': {
      // The password page (unless passed already), then "Kód küldése" on the code page.
      if (!(await passwordPage(c))) return true;
      if ((await c.provider.accountStatus(username)).factor !== 'email') {
        c.fail(say.notEmail);
        return true;
      }
      c.site(await c.provider.sendEmailCode({ username }));
      return true;
    }
    case 'inbox': {
      const mail = c.inbox.messages(USER.email);
      if (mail.length === 0) c.out(`  ${say.inboxEmpty}`);
      mail.forEach((m, i) => c.out(`  ${i + 1}. ${clockTime(m.sentAt, c.language)}  ${m.subject}`));
      if (mail.length > 0) c.out(`  ${say.openHint}`);
      return true;
    }
    case 'open': {
      const mail = c.inbox.messages(USER.email);
      const n = args[0] === undefined ? mail.length : Number(args[0]);
      const message = Number.isInteger(n) ? mail[n - 1] : undefined;
      if (message === undefined) {
        c.fail(say.openUsage);
        return true;
      }
      showMail(c, message);
      return true;
    }
    case 'password': {
      const next = args.join(' ');
      if (next === '') {
        c.fail(say.passwordUsage);
        return true;
      }
      const r = await c.provider.changePassword({ username, password: c.password(), newPassword: next });
      c.site(r);
      if (r.ok) await c.setPassword(next);
      return true;
    }
    default:
      return false;
  }
}

function showMail(c: DemoSession, message: MailMessage): void {
  const say = EMAIL_SAY[c.language];
  c.out(`  ${c.style.cyan(`[${say.mail}]`)} ${clockTime(message.sentAt, c.language)}  ${message.from} → ${message.to}`);
  c.out(`  ${c.style.bold(message.subject)}`);
  const text = c.showSecrets ? message.text : maskCodes(message.text);
  for (const line of text.split('\n')) c.out(`  │ ${line}`);
  if (!c.showSecrets && text !== message.text) c.out(`  (${say.masked})`);
}
