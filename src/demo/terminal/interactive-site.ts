/**
 * The site commands of `demo --interactive`: registering, the setup with its QR code, the two pages
 * of the login (the password, then the code: a refused code is typed again on the code page, the
 * password is not sent again), device change, the törlőkód, and the trainer's switches (faults,
 * the unlock, the audit log in the session's language).
 */
import { describeAuditEvent, type AuditEvent, type EnrollmentStarted, type Refusal } from '../../index.js';
import { clockTime } from './format.js';
import { newestMailedCode } from './interactive-email.js';
import { passwordPage, type DemoSession } from './interactive-session.js';
import { DEMO_USER as USER, SAY } from './interactive-texts.js';

/** The site's answer to "enroll" or "device-change": on success, a QR code on screen. */
function showSetup(s: DemoSession, r: EnrollmentStarted | Refusal): void {
  s.site(r);
  if (!r.ok) return;
  s.screen.uri = r.keyUri;
  s.screen.enrollmentId = r.enrollmentId;
  s.show({
    type: 'qr',
    who: s.language === 'hu' ? 'oldal' : 'site',
    text: r.keyUri,
    caption: s.language === 'hu' ? 'A QR-kód a képernyőn:' : 'The QR code on the screen:',
  });
}

/** A typed code, or with `mail` the code of the newest mail (what the user copies from it). */
const typedCode = (s: DemoSession, args: string[]): string =>
  args[0] === 'mail' ? (newestMailedCode(s.inbox) ?? '') : args.join('');

/** The site commands: runs `command` when it is one of them; false when it is not. */
export function siteCommands(
  s: DemoSession,
  audit: readonly AuditEvent[],
): (command: string, args: string[]) => Promise<boolean> {
  const say = SAY[s.language];
  const username = USER.username;
  return async (command, args) => {
    switch (command) {
      case 'register':
        s.site(await s.provider.register({ ...USER, password: s.password() }));
        return true;
      case 'enroll':
        showSetup(
          s,
          await s.provider.startEnrollment({
            username,
            password: s.password(),
            ...(args.length > 0 && { code: typedCode(s, args) }),
          }),
        );
        return true;
      case 'confirm': {
        if (!s.screen.enrollmentId) return (s.fail(say.first), true);
        const r = await s.provider.confirmEnrollment({ enrollmentId: s.screen.enrollmentId, code: args.join('') });
        s.site(r);
        if (r.ok) s.show({ type: 'deletion-code', code: r.deletionCode });
        return true;
      }
      case 'finish': {
        if (!s.screen.enrollmentId) return (s.fail(say.first), true);
        const r = await s.provider.finishEnrollment({ enrollmentId: s.screen.enrollmentId, deletionCodeSaved: true });
        s.site(r);
        if (r.ok) s.screen.uri = s.screen.enrollmentId = null;
        return true;
      }
      case 'login': {
        if (!(await passwordPage(s))) return true;
        const r = await s.provider.verifySecondFactor({ username, code: typedCode(s, args) });
        s.site(r);
        // Signed in: the next login starts again on the password page.
        if (r.ok) s.screen.codePageUntil = 0;
        return true;
      }
      case 'device-change':
        showSetup(s, await s.provider.startDeviceChange({ username, password: s.password(), code: args.join('') }));
        return true;
      case 'redeem':
        s.site(await s.provider.redeemDeletionCode({ username, password: s.password(), deletionCode: args.join(' ') }));
        return true;
      default:
        return trainerCommand(s, audit, command, args);
    }
  };
}

/** The trainer's switches: faults, the unlock, the audit log. */
async function trainerCommand(
  s: DemoSession,
  audit: readonly AuditEvent[],
  command: string,
  args: string[],
): Promise<boolean> {
  const say = SAY[s.language];
  switch (command) {
    case 'fault': {
      const kind = args[0];
      if (kind === 'off') {
        s.provider.faults.clear();
        s.done(say.faultOff);
      } else if (kind === 'maintenance' || kind === 'outage' || kind === 'timeout') {
        s.provider.faults.start(kind);
        s.done(say.faultOn(kind));
      } else s.fail(say.faultUsage);
      return true;
    }
    case 'unlock':
      await s.provider.unlock(USER.username);
      s.done(say.unlocked);
      return true;
    case 'audit':
      if (audit.length === 0) s.out(`  ${say.auditEmpty}`);
      for (const e of audit.slice(-100))
        s.out(`  ${clockTime(e.time, s.language)} ${describeAuditEvent(e, s.language)}`);
      return true;
    default:
      return false;
  }
}
