/**
 * `totp-lab demo --interactive`: the trainer (or a curious user) plays the person. The service and
 * two phones run on a clock that stands still until the trainer moves it (`time +30s`), so no code
 * runs out while the room is listening.
 */
import {
  InvalidArgumentError,
  LOW_COST_HASHING_FOR_TESTS,
  MemoryStore,
  createAuthenticator,
  createProvider,
  isTotpLabError,
  manualClock,
  parseTimeInput,
  type AuditEvent,
  type Authenticator,
  type Language,
  type Mailer,
  type Store,
  type StoreValue,
} from '../../index.js';
import { clockTime, formatEvent } from './format.js';
import { demoMailer, emailCommands, newestMailedCode } from './interactive-email.js';
import { DEMO_USER as USER, PHONES, SAY, scanStatus, type PhoneId } from './interactive-texts.js';
import type { Style } from './style.js';
import type { DemoIo, DemoOutcome } from './io.js';

const PHONES_KEY = 'demo:phones';
const AUDIT_KEY = 'demo:audit';
const CLOCK_KEY = 'demo:clock';
// The user's password once changed in the demo (the demo types it for the user).
const PASSWORD_KEY = 'demo:password';
// The audit log kept in the state file: the newest entries, enough for a training day.
const AUDIT_KEPT = 1000;

export interface InteractiveOptions {
  io: DemoIo;
  language: Language;
  style: Style;
  stateFile: string | undefined;
  showSecrets: boolean;
  qr: boolean;
  /** Where the service's mail goes besides the inbox shown here (an SMTP server, say). */
  mailer?: Mailer | undefined;
}

export async function runInteractive(o: InteractiveOptions): Promise<DemoOutcome> {
  const { io, language, style } = o;
  const say = SAY[language];
  if (!io.lines) {
    io.err('totp-lab: demo: --interactive needs standard input');
    return 'no-input';
  }
  let store: Store = new MemoryStore();
  if (o.stateFile !== undefined) {
    const { FileStore } = await import('../../node/index.js');
    store = new FileStore(o.stateFile);
  }
  const { qrCamera, renderQr } = await import('../../qr/index.js');
  // A paused clock: it moves only when told, and continues where a saved session stopped.
  const clock = manualClock((await store.get<number>(CLOCK_KEY)) ?? Date.now());
  const kept = await store.get<AuditEvent[]>(AUDIT_KEY);
  const audit: AuditEvent[] = Array.isArray(kept)
    ? kept.filter((e) => typeof e?.time === 'number' && typeof e.seq === 'number')
    : [];
  const seqBase = audit.at(-1)?.seq ?? 0;
  const { inbox, mailer } = demoMailer(o.mailer);
  const provider = createProvider({
    clock,
    store,
    language,
    mailer,
    hashing: LOW_COST_HASHING_FOR_TESTS,
    onAudit: (event) => audit.push({ ...event, seq: seqBase + event.seq }),
  });
  const saved = (await store.get<Record<string, StoreValue>>(PHONES_KEY)) ?? {};
  const phones = new Map<PhoneId, Authenticator>();
  for (const id of Object.keys(PHONES) as PhoneId[]) {
    phones.set(
      id,
      createAuthenticator({ clock, camera: qrCamera, language, ...(saved[id] !== undefined && { state: saved[id] }) }),
    );
  }
  const save = async () => {
    await store.update(PHONES_KEY, () =>
      Object.fromEntries([...phones].map(([n, p]) => [n, p.toJSON() as unknown as StoreValue])),
    );
    await store.update(AUDIT_KEY, () => audit.slice(-AUDIT_KEPT) as unknown as StoreValue);
    await store.update(CLOCK_KEY, () => clock.now());
  };
  const drawQr = o.qr
    ? (text: string) => renderQr(text, { format: 'terminal', color: style.bold('x') !== 'x' })
    : undefined;
  const show = (event: Parameters<typeof formatEvent>[0]) => {
    for (const line of formatEvent(event, { language, style, showSecrets: o.showSecrets, drawQr })) io.out(line);
  };
  let password = (await store.get<string>(PASSWORD_KEY)) ?? USER.password;
  const fail = (text: string) => io.out(`  ${style.red('✗')} ${text}`);
  const done = (text: string) => io.out(`  ${style.green('✓')} ${text}`);
  // One name per phone in each language; either language's name is understood when typed.
  const idOf = (name: string | undefined): PhoneId | undefined => {
    if (name === undefined) return 'phone';
    return (Object.keys(PHONES) as PhoneId[]).find(
      (id) => PHONES[id].hu === name.toLowerCase() || PHONES[id].en === name.toLowerCase(),
    );
  };
  const showPhone = (id: PhoneId, numbered = false) => {
    const phone = phones.get(id)!;
    show({ type: 'phone', phone: PHONES[id][language], driftMs: phone.driftMs, accounts: phone.list() });
    if (numbered && phone.list().length > 1)
      io.out(
        `  (${phone
          .list()
          .map((a, i) => `${i + 1}: ${a.issuer ?? a.account}`)
          .join(', ')})`,
      );
  };
  let screenUri: string | null = null;
  let enrollmentId: string | null = null;
  /** The site's answer to "enroll" or "device-change": on success, a QR code on screen. */
  const showSetup = (r: Awaited<ReturnType<typeof provider.startEnrollment>>) => {
    show({ type: 'site', ok: r.ok, message: r.message });
    if (!r.ok) return;
    screenUri = r.keyUri;
    enrollmentId = r.enrollmentId;
    show({
      type: 'qr',
      who: language === 'hu' ? 'oldal' : 'site',
      text: r.keyUri,
      caption: language === 'hu' ? 'A QR-kód a képernyőn:' : 'The QR code on the screen:',
    });
  };
  const moveTo = (target: number, advancedMs: number) => {
    // JavaScript dates end at 8.64e15 ms (ECMA-262 §21.4.1.1); a longer jump is refused, not obeyed.
    if (!(target <= 8.64e15)) return fail(say.tooLong);
    if (target < clock.now()) return fail(say.backwards);
    clock.set(target);
    show({ type: 'time', now: clock.now(), advancedMs, note: '' });
  };
  const timeCommand = (arg: string | undefined) => {
    if (arg === undefined) return io.out(`  ${say.now}: ${clockTime(clock.now(), language)}`);
    const jump = /^\+(\d+)(s|m|h|d)$/.exec(arg);
    if (jump) {
      const ms =
        Number(jump[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[jump[2] as 's' | 'm' | 'h' | 'd'];
      return moveTo(clock.now() + ms, ms);
    }
    if (arg.startsWith('+')) return fail(say.timeUsage);
    try {
      const target = parseTimeInput(arg);
      moveTo(target, target - clock.now());
    } catch (error) {
      if (!(error instanceof InvalidArgumentError)) throw error;
      fail(error.message);
    }
  };

  const email = emailCommands({
    provider,
    inbox,
    language,
    style,
    showSecrets: o.showSecrets,
    out: (line) => io.out(line),
    site: (r) => show({ type: 'site', ok: r.ok, message: r.message }),
    fail,
    password: () => password,
    setPassword: async (next) => {
      password = next;
      await store.update(PASSWORD_KEY, () => next);
    },
  });
  io.out(say.help);
  io.out('');
  io.out(say.paused);
  const ask = () => io.prompt?.(style.bold(say.prompt));
  ask();
  for await (const raw of io.lines()) {
    const [command = '', ...args] = raw.trim().split(/\s+/);
    const site = (r: { ok: boolean; message: string }) => show({ type: 'site', ok: r.ok, message: r.message });
    // A step out of order or a bad value is told and the demo goes on; a damaged state file ends it.
    try {
      switch (command) {
        case '':
          break;
        case 'help':
          io.out(say.help);
          break;
        case 'quit':
        case 'exit':
          await save();
          return 'played';
        case 'time':
          timeCommand(args[0]);
          break;
        case 'register':
          site(await provider.register({ ...USER, password }));
          break;
        case 'enroll':
          showSetup(
            await provider.startEnrollment({
              username: USER.username,
              password,
              ...(args.length > 0 && { code: args[0] === 'mail' ? (newestMailedCode(inbox) ?? '') : args.join('') }),
            }),
          );
          break;
        case 'scan':
        case 'type': {
          const id = idOf(args[0]);
          if (!id || !screenUri) {
            fail(say.noQr);
            break;
          }
          const phone = phones.get(id)!;
          const result = command === 'scan' ? await phone.scan(qrCamera.render(screenUri)) : phone.addKeyUri(screenUri);
          io.out(`  ${scanStatus(result, language)}`);
          showPhone(id, true);
          break;
        }
        case 'phones':
          for (const id of phones.keys()) showPhone(id, true);
          break;
        case 'delete': {
          const id = idOf(args[0]);
          const n = Number(args[1]);
          const account = id && Number.isInteger(n) ? phones.get(id)!.list()[n - 1] : undefined;
          if (!id || !account) {
            fail(say.deleteUsage);
            break;
          }
          const phone = phones.get(id)!;
          io.out(`  ${phone.requestDelete(account.id).warning}`);
          if (phone.confirmDelete(account.id).deleted) done(say.deleted);
          showPhone(id, true);
          break;
        }
        case 'confirm': {
          if (!enrollmentId) {
            fail(say.first);
            break;
          }
          const r = await provider.confirmEnrollment({ enrollmentId, code: args.join('') });
          site(r);
          if (r.ok) show({ type: 'deletion-code', code: r.deletionCode });
          break;
        }
        case 'finish': {
          if (!enrollmentId) {
            fail(say.first);
            break;
          }
          const r = await provider.finishEnrollment({ enrollmentId, deletionCodeSaved: true });
          site(r);
          if (r.ok) screenUri = enrollmentId = null;
          break;
        }
        case 'login':
          site(
            await provider.login({
              username: USER.username,
              password,
              code: args[0] === 'mail' ? (newestMailedCode(inbox) ?? '') : args.join(''),
            }),
          );
          break;
        case 'device-change':
          showSetup(await provider.startDeviceChange({ username: USER.username, password, code: args.join('') }));
          break;
        case 'redeem':
          site(
            await provider.redeemDeletionCode({
              username: USER.username,
              password,
              deletionCode: args.join(' '),
            }),
          );
          break;
        case 'drift': {
          const id = idOf(args[0]);
          const seconds = Number(args[1]);
          if (!id || args[0] === undefined || !Number.isFinite(seconds)) {
            fail(say.driftUsage);
            break;
          }
          phones.get(id)!.setDrift(seconds * 1000);
          showPhone(id);
          break;
        }
        case 'fault': {
          const kind = args[0];
          if (kind === 'off') {
            provider.faults.clear();
            done(say.faultOff);
          } else if (kind === 'maintenance' || kind === 'outage' || kind === 'timeout') {
            provider.faults.start(kind);
            done(say.faultOn(kind));
          } else fail(say.faultUsage);
          break;
        }
        case 'unlock':
          await provider.unlock(USER.username);
          done(say.unlocked);
          break;
        case 'audit':
          if (audit.length === 0) io.out(`  ${say.auditEmpty}`);
          for (const e of audit.slice(-100))
            io.out(`  ${clockTime(e.time, language)} ${e.type}${e.reason ? ` (${e.reason})` : ''}`);
          break;
        default: {
          // "+30s" is short for "time +30s".
          if (command.startsWith('+')) timeCommand(command);
          else if (!(await email(command, args))) io.out(say.unknown(shorten(command)));
        }
      }
    } catch (error) {
      if (!isTotpLabError(error) || error.code === 'STORE_ERROR') throw error;
      fail(error.message.split('\n')[0]!);
    }
    await save();
    ask();
  }
  await save();
  return 'played';
}

/** A typed word for a message: control characters blanked, cut to 40 characters. */
function shorten(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
