/**
 * The phone commands of `demo --interactive`: scanning or typing the key on screen, what the phones
 * show, removing an entry, a phone's clock error, and which authenticator app a phone runs.
 */
import { AUTHENTICATOR_APPS, DEFAULT_AUTHENTICATOR_APP, type AuthenticatorAppId } from '../../index.js';
import type { DemoSession } from './interactive-session.js';
import { PHONES, SAY, scanStatus, type PhoneId } from './interactive-texts.js';

/** One name per phone in each language; either language's name is understood when typed. */
export function phoneIdOf(name: string | undefined): PhoneId | undefined {
  if (name === undefined) return 'phone';
  return (Object.keys(PHONES) as PhoneId[]).find(
    (id) => PHONES[id].hu === name.toLowerCase() || PHONES[id].en === name.toLowerCase(),
  );
}

/** Shows what a phone's screen says now; `numbered` adds the entries' numbers and an app other than the default. */
export function showPhone(s: DemoSession, id: PhoneId, numbered = false): void {
  const phone = s.phones.get(id)!;
  s.show({ type: 'phone', phone: PHONES[id][s.language], driftMs: phone.driftMs, accounts: phone.list() });
  if (!numbered) return;
  const entries = phone.list().map((a, i) => `${i + 1}: ${a.issuer ?? a.account}`);
  if (entries.length > 1) s.out(`  (${entries.join(', ')})`);
  // The app is named once it is not the one that honours every parameter.
  if (phone.app.id !== DEFAULT_AUTHENTICATOR_APP) s.out(`  (${SAY[s.language].runs}: ${phone.app.name[s.language]})`);
}

/** The phone commands: runs `command` when it is one of them; false when it is not. */
export function phoneCommands(s: DemoSession): (command: string, args: string[]) => Promise<boolean> {
  const say = SAY[s.language];
  return async (command, args) => {
    switch (command) {
      case 'scan':
      case 'type': {
        const id = phoneIdOf(args[0]);
        if (!id || !s.screen.uri) return (s.fail(say.noQr), true);
        const phone = s.phones.get(id)!;
        const result =
          command === 'scan' ? await phone.scan(s.camera.render(s.screen.uri)) : phone.addKeyUri(s.screen.uri);
        s.out(`  ${scanStatus(result, s.language)}`);
        showPhone(s, id, true);
        return true;
      }
      case 'phones':
        for (const id of s.phones.keys()) showPhone(s, id, true);
        return true;
      case 'delete': {
        const id = phoneIdOf(args[0]);
        const n = Number(args[1]);
        const account = id && Number.isInteger(n) ? s.phones.get(id)!.list()[n - 1] : undefined;
        if (!id || !account) return (s.fail(say.deleteUsage), true);
        const phone = s.phones.get(id)!;
        s.out(`  ${phone.requestDelete(account.id).warning}`);
        if (phone.confirmDelete(account.id).deleted) s.done(say.deleted);
        showPhone(s, id, true);
        return true;
      }
      case 'drift': {
        const id = phoneIdOf(args[0]);
        const seconds = Number(args[1]);
        if (!id || args[0] === undefined || !Number.isFinite(seconds)) return (s.fail(say.driftUsage), true);
        s.phones.get(id)!.setDrift(seconds * 1000);
        showPhone(s, id);
        return true;
      }
      case 'app':
        return appCommand(s, args);
      default:
        return false;
    }
  };
}

/** `app`: the apps there are; `app <phone> <app>`: installs one on a phone. */
function appCommand(s: DemoSession, args: string[]): true {
  const say = SAY[s.language];
  if (args.length === 0) {
    for (const app of Object.values(AUTHENTICATOR_APPS))
      s.out(`  ${s.style.bold(app.id.padEnd(14))}${app.name[s.language]}: ${app.description[s.language]}`);
    return true;
  }
  const id = phoneIdOf(args[0]);
  const app = args[1];
  if (!id || app === undefined || !Object.hasOwn(AUTHENTICATOR_APPS, app)) return (s.fail(say.appUsage), true);
  const installed = s.installApp(id, app as AuthenticatorAppId);
  s.done(say.appInstalled(PHONES[id][s.language], installed.app.name[s.language]));
  return true;
}
