/**
 * `totp-lab demo --interactive`: the trainer (or a curious user) plays the person. The service and
 * two phones run on a clock that stands still until the trainer moves it (`time +30s`), so no code
 * runs out while the room is listening.
 */
import {
  LOW_COST_HASHING_FOR_TESTS,
  MemoryStore,
  createAuthenticator,
  createProvider,
  isTotpLabError,
  manualClock,
  type AuditEvent,
  type Authenticator,
  type Language,
  type Mailer,
  type Store,
  type StoreValue,
} from '../../index.js';
import { followAttempts, formatAttempt } from './explain.js';
import { formatEvent } from './format.js';
import { demoMailer, emailCommands } from './interactive-email.js';
import { phoneCommands } from './interactive-phones.js';
import type { DemoSession } from './interactive-session.js';
import { siteCommands } from './interactive-site.js';
import { DEMO_USER as USER, PHONES, SAY, type PhoneId } from './interactive-texts.js';
import { moveTime } from './interactive-time.js';
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
  /** After each command, why the service refused (its hidden reason) and what to tell the participant. */
  explain?: boolean;
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
  const session: DemoSession = {
    provider,
    inbox,
    clock,
    camera: qrCamera,
    language,
    style,
    showSecrets: o.showSecrets,
    phones,
    screen: { uri: null, enrollmentId: null, codePageUntil: 0 },
    installApp(id, app) {
      const phone = createAuthenticator({ clock, camera: qrCamera, language, app, driftMs: phones.get(id)!.driftMs });
      phones.set(id, phone);
      return phone;
    },
    out: (line) => io.out(line),
    fail: (text) => io.out(`  ${style.red('✗')} ${text}`),
    done: (text) => io.out(`  ${style.green('✓')} ${text}`),
    show,
    site: (r) => show({ type: 'site', ok: r.ok, message: r.message }),
    password: () => password,
    async setPassword(next) {
      password = next;
      await store.update(PASSWORD_KEY, () => next);
    },
  };
  const handlers = [siteCommands(session, audit), phoneCommands(session), emailCommands(session)];
  const explained = o.explain ? followAttempts(provider, language) : null;
  io.out(say.help);
  io.out('');
  io.out(say.paused);
  const ask = () => io.prompt?.(style.bold(say.prompt));
  ask();
  for await (const raw of io.lines()) {
    const [command = '', ...args] = raw.trim().split(/\s+/);
    // A step out of order or a bad value is told and the demo goes on; a damaged state file ends it.
    try {
      if (command === 'quit' || command === 'exit') break;
      if (command === 'help') io.out(say.help);
      else if (command === 'time' || command.startsWith('+')) moveTime(session, command === 'time' ? args[0] : command);
      else if (command !== '' && !(await firstTaker(handlers, command, args))) io.out(say.unknown(shorten(command)));
      for (const found of explained ? await explained() : [])
        for (const line of formatAttempt(found, language, style)) io.out(line);
    } catch (error) {
      if (!isTotpLabError(error) || error.code === 'STORE_ERROR') throw error;
      session.fail(error.message.split('\n')[0]!);
    }
    await save();
    ask();
  }
  await save();
  return 'played';
}

/** Runs the first handler that knows `command`; false when none does. */
async function firstTaker(
  handlers: ReadonlyArray<(command: string, args: string[]) => Promise<boolean>>,
  command: string,
  args: string[],
): Promise<boolean> {
  for (const handle of handlers) if (await handle(command, args)) return true;
  return false;
}

/** A typed word for a message: control characters blanked, cut to 40 characters. */
function shorten(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
