/**
 * `totp-lab demo --interactive`: the trainer (or a curious user) plays the person. The service and
 * two phones run on a clock that follows real time and jumps forward on `+30s`.
 */
import { LOW_COST_HASHING_FOR_TESTS } from '../../core/password-hash.js';
import { createAuthenticator, type Authenticator } from '../../sim/authenticator.js';
import { createProvider } from '../../sim/provider.js';
import { MemoryStore, type Store, type StoreValue } from '../../sim/store.js';
import { formatEvent } from './format.js';
import type { Style } from './style.js';
import { EXIT_OK, EXIT_USAGE, type CliIo } from '../../cli/io.js';
import { TotpLabError } from '../../core/errors.js';

const USER = { username: 'kovacs.janos', password: 'Tavaszi-Szel-2025', email: 'kovacs.janos@example.hu' };
const PHONES_KEY = 'demo:phones';

const HELP = {
  en: `Commands (the user is ${USER.username}; passwords are typed for you):
  register                 create the account
  enroll                   "Ügyfélkapu+ igénylése": the site shows a QR code
  scan [phone]             the phone (phone or tablet) scans the QR code on screen
  type [phone]             "Nem tudom beolvasni a kódot": type the key into the phone
  phones                   what the phones show now
  confirm <code>           type the phone's code under the QR code
  finish                   tick "Törlőkód mentéséről gondoskodtam" and press Befejezés
  login <code>             log in with a code
  device-change <code>     "Beállítás másik eszközre" (needs a current code)
  redeem <törlőkód>        remove the phone binding with the törlőkód
  drift <phone> <seconds>  set a phone's clock error (e.g. drift phone -45)
  +30s, +2m                move time forward
  fault <maintenance|outage|timeout|off>
  unlock                   the in-person unlock after five wrong passwords
  audit                    the service's audit log
  quit`,
  hu: `Parancsok (a felhasználó ${USER.username}; a jelszót a program írja be):
  register                 fiók létrehozása
  enroll                   „Ügyfélkapu+ igénylése”: az oldal QR-kódot mutat
  scan [telefon]           a telefon (telefon vagy tablet) beolvassa a képernyőn lévő QR-kódot
  type [telefon]           „Nem tudom beolvasni a kódot”: a kulcs begépelése a telefonba
  phones                   mit mutatnak most a telefonok
  confirm <kód>            a telefon kódjának beírása a QR-kód alatt
  finish                   „Törlőkód mentéséről gondoskodtam” bepipálása és Befejezés
  login <kód>              belépés egy kóddal
  device-change <kód>      „Beállítás másik eszközre” (aktuális kód kell hozzá)
  redeem <törlőkód>        a telefonos kapcsolat törlése a törlőkóddal
  drift <telefon> <mp>     a telefon órájának eltérése (pl. drift telefon -45)
  +30s, +2m                az idő előretekerése
  fault <maintenance|outage|timeout|off>
  unlock                   személyes feloldás öt hibás jelszó után
  audit                    a szolgáltatás naplója
  quit`,
};

export async function runInteractive(o: { io: CliIo; lang: 'hu' | 'en'; style: Style; stateFile: string | undefined }): Promise<number> {
  const { io, lang, style } = o;
  if (!io.lines) {
    io.err('totp-lab: demo: --interactive needs standard input');
    return EXIT_USAGE;
  }
  let store: Store = new MemoryStore();
  if (o.stateFile !== undefined) {
    const { FileStore } = await import('../../node/file-store.js');
    store = new FileStore(o.stateFile);
  }
  const { qrCamera, renderQr } = await import('../../qr/index.js');
  let offset = 0;
  const clock = { now: () => Date.now() + offset, advance: (ms: number) => (offset += ms, Date.now() + offset) };
  const provider = createProvider({ clock, store, language: lang, hashing: LOW_COST_HASHING_FOR_TESTS });
  const saved = (await store.get<Record<string, StoreValue>>(PHONES_KEY)) ?? {};
  const phones = new Map<string, Authenticator>();
  for (const name of ['phone', 'tablet']) {
    phones.set(name, createAuthenticator({ clock, camera: qrCamera, language: lang, ...(saved[name] !== undefined && { state: saved[name] }) }));
  }
  const savePhones = () => store.update(PHONES_KEY, () => Object.fromEntries([...phones].map(([n, p]) => [n, p.toJSON() as unknown as StoreValue])));
  const show = (event: Parameters<typeof formatEvent>[0]) => {
    for (const line of formatEvent(event, { lang, style, showSecrets: true, drawQr: (text) => renderQr(text, { format: 'terminal', color: style.bold('x') !== 'x' }) })) io.out(line);
  };
  // Hungarian users may type the phone's Hungarian name.
  const phoneOf = (name: string | undefined) => phones.get(name === undefined || name === 'telefon' ? 'phone' : name);
  let screenUri: string | null = null;
  let enrollmentId: string | null = null;
  /** The site's answer to "enroll" or "device-change": on success, a QR code on screen. */
  const showSetup = (r: Awaited<ReturnType<typeof provider.startEnrollment>>) => {
    show({ type: 'site', ok: r.ok, message: r.message });
    if (!r.ok) return;
    screenUri = r.keyUri;
    enrollmentId = r.enrollmentId;
    show({ type: 'qr', who: lang === 'hu' ? 'oldal' : 'site', text: r.keyUri, caption: r.message });
  };

  io.out(HELP[lang]);
  io.out('');
  for await (const raw of io.lines()) {
    const [command = '', ...args] = raw.trim().split(/\s+/);
    const site = (r: { ok: boolean; message: string }) => show({ type: 'site', ok: r.ok, message: r.message });
    const jump = /^\+(\d+)(s|m)$/.exec(command);
    if (jump) {
      const ms = Number(jump[1]) * (jump[2] === 'm' ? 60_000 : 1000);
      // JavaScript dates end at 8.64e15 ms (ECMA-262 §21.4.1.1); a longer jump is refused, not obeyed.
      if (clock.now() + ms > 8.64e15) {
        io.out(lang === 'hu' ? '  ✗ ekkora ugrás az időben nem lehetséges' : '  ✗ that jump in time is too long');
        continue;
      }
      clock.advance(ms);
      show({ type: 'time', now: clock.now(), advancedMs: ms, note: '' });
      continue;
    }
    // A step out of order or a bad value is told and the demo goes on; a damaged state file ends it.
    try {
    switch (command) {
      case '': break;
      case 'help': io.out(HELP[lang]); break;
      case 'quit': case 'exit': await savePhones(); return EXIT_OK;
      case 'register': site(await provider.register(USER)); break;
      case 'enroll': showSetup(await provider.startEnrollment({ username: USER.username, password: USER.password })); break;
      case 'scan': case 'type': {
        const phone = phoneOf(args[0]);
        if (!phone || !screenUri) { io.out(lang === 'hu' ? 'Nincs QR-kód a képernyőn, vagy ismeretlen telefon.' : 'No QR code on screen, or unknown phone.'); break; }
        const result = command === 'scan' ? await phone.scan(qrCamera.render(screenUri)) : phone.addKeyUri(screenUri);
        io.out(`  ${result.status}`);
        show({ type: 'phone', phone: args[0] ?? 'phone', driftMs: phone.driftMs, accounts: phone.list() });
        break;
      }
      case 'phones':
        for (const [name, phone] of phones) show({ type: 'phone', phone: name, driftMs: phone.driftMs, accounts: phone.list() });
        break;
      case 'confirm': {
        if (!enrollmentId) { io.out(lang === 'hu' ? 'Előbb: enroll vagy device-change.' : 'First: enroll or device-change.'); break; }
        const r = await provider.confirmEnrollment({ enrollmentId, code: args.join('') });
        site(r);
        if (r.ok) show({ type: 'deletion-code', code: r.deletionCode });
        break;
      }
      case 'finish': {
        if (!enrollmentId) { io.out(lang === 'hu' ? 'Előbb: enroll vagy device-change.' : 'First: enroll or device-change.'); break; }
        const r = await provider.finishEnrollment({ enrollmentId, deletionCodeSaved: true });
        site(r);
        if (r.ok) screenUri = enrollmentId = null;
        break;
      }
      case 'login': site(await provider.login({ username: USER.username, password: USER.password, code: args.join('') })); break;
      case 'device-change': showSetup(await provider.startDeviceChange({ username: USER.username, password: USER.password, code: args.join('') })); break;
      case 'redeem': site(await provider.redeemDeletionCode({ username: USER.username, password: USER.password, deletionCode: args.join(' ') })); break;
      case 'drift': {
        const phone = phoneOf(args[0]);
        const seconds = Number(args[1]);
        if (!phone || !Number.isFinite(seconds)) { io.out('drift <phone|tablet> <seconds>'); break; }
        phone.setDrift(seconds * 1000);
        show({ type: 'phone', phone: args[0]!, driftMs: phone.driftMs, accounts: phone.list() });
        break;
      }
      case 'fault': {
        const kind = args[0];
        if (kind === 'off') provider.faults.clear();
        else if (kind === 'maintenance' || kind === 'outage' || kind === 'timeout') provider.faults.start(kind);
        else io.out('fault <maintenance|outage|timeout|off>');
        break;
      }
      case 'unlock': await provider.unlock(USER.username); io.out('  ok'); break;
      case 'audit':
        for (const e of provider.auditLog()) io.out(`  ${new Date(e.time).toISOString().slice(11, 19)} ${e.type}${'reason' in e && e.reason ? ` (${e.reason})` : ''}`);
        break;
      default:
        io.out(lang === 'hu' ? `Ismeretlen parancs: ${shorten(command)} (help)` : `Unknown command: ${shorten(command)} (help)`);
    }
    } catch (error) {
      if (!(error instanceof TotpLabError) || error.code === 'STORE_ERROR') throw error;
      io.out(`  ${style.red('✗')} ${error.message.split('\n')[0]}`);
    }
    await savePhones();
  }
  await savePhones();
  return EXIT_OK;
}

/** A typed word for a message: control characters blanked, cut to 40 characters. */
function shorten(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
