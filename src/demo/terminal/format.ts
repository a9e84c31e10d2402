/**
 * Turns scenario events into terminal lines. Secrets stay hidden unless asked for: the törlőkód is
 * masked, and a QR code is drawn, never printed as text.
 */
import type { ScenarioEvent } from '../../sim/scenarios/index.js';
import type { AccountView } from '../../index.js';
import type { Style } from './style.js';

export interface FormatOptions {
  lang: 'hu' | 'en';
  style: Style;
  showSecrets: boolean;
  /** Draws a QR code for the terminal, or undefined to leave pictures out. */
  drawQr: ((text: string) => string) | undefined;
}

const WORDS = {
  hu: { site: 'oldal', left: 'mp van hátra', phone: 'telefon', clock: 'óra', pass: 'RENDBEN', fail: 'HIBA', expected: 'elvárt', time: 'idő', none: '(nincs fiók)', behind: 'késik', ahead: 'siet', masked: 'a többi rejtve; --show-secrets mutatja' },
  en: { site: 'site', left: 's left', phone: 'phone', clock: 'clock', pass: 'PASS', fail: 'FAIL', expected: 'expected', time: 'time', none: '(no accounts)', behind: 'behind', ahead: 'ahead', masked: 'rest hidden; --show-secrets shows it' },
} as const;

/** Formats a time in UTC as HH:MM:SS. */
const clockTime = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/** Masks all but the first group of a törlőkód. */
export function maskDeletionCode(code: string): string {
  const [first, ...rest] = code.split(' ');
  return [first, ...rest.map((group) => '•'.repeat(group.length))].join(' ');
}

function formatAccount(a: AccountView, lang: 'hu' | 'en'): string {
  const name = a.issuer ? `${a.issuer} (${a.account})` : a.account;
  const code = a.code ? `${a.code.slice(0, 3)} ${a.code.slice(3)}` : '––– –––';
  return a.secondsLeft === null ? `${name}  ${code}` : `${name}  ${code}  ${a.secondsLeft} ${WORDS[lang].left}`;
}

/** The lines for one event. */
export function formatEvent(event: ScenarioEvent, o: FormatOptions): string[] {
  const w = WORDS[o.lang];
  const s = o.style;
  switch (event.type) {
    case 'scenario':
      return ['', s.bold(`━━ ${event.title} ━━`), s.dim(event.summary)];
    case 'step':
      return ['', `${s.cyan('▸')} ${event.say}`];
    case 'time':
      return [s.dim(`  ⏱ +${Math.round(event.advancedMs / 1000)} s → ${clockTime(event.now)} UTC${event.note ? ` ${event.note}` : ''}`)];
    case 'qr':
      return [`  ${s.dim(`[${event.who}]`)} ${event.caption}`, ...(o.drawQr ? o.drawQr(event.text).split('\n').map((line) => `  ${line}`) : [])];
    case 'site':
      return [`  ${s.dim(`[${w.site}]`)} ${event.ok ? s.green('✓') : s.red('✗')} ${event.message}`];
    case 'deletion-code':
      return [`  ${s.dim(`[${w.site}]`)} törlőkód: ${s.bold(o.showSecrets ? event.code : maskDeletionCode(event.code))}${o.showSecrets ? '' : s.dim(` (${w.masked})`)}`];
    case 'phone': {
      const drift = event.driftMs === 0 ? '' : ` (${w.clock} ${Math.abs(event.driftMs / 1000)} s ${event.driftMs < 0 ? w.behind : w.ahead})`;
      const accounts = event.accounts.length === 0 ? [w.none] : event.accounts.map((a) => formatAccount(a, o.lang));
      return accounts.map((line) => `  ${s.dim(`[${event.phone}${drift}]`)} ${line}`);
    }
    case 'user':
      return [`  ${s.yellow('→')} ${event.text}`];
    case 'note':
      return [`  ${s.dim(event.text)}`];
    case 'check':
      return event.passed
        ? [`  ${s.green('✓')} ${event.expect}`]
        : [`  ${s.red('✗')} ${s.red(`${w.expected}: ${event.expect}`)}${event.detail ? s.dim(` — ${event.detail}`) : ''}`];
    case 'result':
      return [event.passed ? s.green(s.bold(`  ${w.pass}`)) : s.red(s.bold(`  ${w.fail}`))];
  }
}

/** An event for `--json`: the same data, with secrets masked unless asked for. */
export function eventForJson(event: ScenarioEvent, showSecrets: boolean): ScenarioEvent {
  if (showSecrets) return event;
  if (event.type === 'deletion-code') return { ...event, code: maskDeletionCode(event.code) };
  if (event.type === 'qr') return { ...event, text: event.text.replace(/([?&]secret=)[^&]*/i, '$1(hidden)').replace(/(data=)[^&]*/i, '$1(hidden)') };
  return event;
}
