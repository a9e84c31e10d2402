/**
 * Turns scenario events into terminal lines. Secrets stay hidden unless asked for: the törlőkód is
 * masked, and a QR code is drawn, never printed as text.
 */
import type { ScenarioEvent } from '../../sim/scenarios/index.js';
import type { Language } from '../../index.js';
import type { AccountView } from '../../index.js';
import { formatJump, formatLanding } from './jump.js';
import type { Style } from './style.js';

export interface FormatOptions {
  language: Language;
  style: Style;
  showSecrets: boolean;
  /** Draws a QR code for the terminal, or undefined to leave pictures out. */
  drawQr: ((text: string) => string) | undefined;
}

const WORDS = {
  hu: {
    site: 'oldal',
    left: 'mp van hátra',
    pass: 'RENDBEN',
    fail: 'HIBA',
    expected: 'elvárt',
    none: '(nincs fiók)',
    masked: 'a többi rejtve; --show-secrets mutatja',
    qrLeftOut: '(a kép kihagyva: --no-qr)',
    deletionCode: 'törlőkód',
    drift: (seconds: number, behind: boolean) =>
      `órája ${seconds % 60 === 0 ? `${seconds / 60} percet` : `${seconds} mp-et`} ${behind ? 'késik' : 'siet'}`,
    zone: 'Az időpontok budapesti idő szerint értendők (a szolgáltatás is így írja ki őket).',
  },
  en: {
    site: 'site',
    left: 's left',
    pass: 'PASS',
    fail: 'FAIL',
    expected: 'expected',
    none: '(no accounts)',
    masked: 'rest hidden; --show-secrets shows it',
    qrLeftOut: '(picture left out: --no-qr)',
    deletionCode: 'deletion code (törlőkód)',
    drift: (seconds: number, behind: boolean) =>
      `clock ${seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`} ${behind ? 'behind' : 'ahead'}`,
    zone: 'All times are UTC.',
  },
} as const;

// Hungarian output follows the service, which speaks Budapest time; English output uses UTC.
const CLOCKS = {
  hu: new Intl.DateTimeFormat('hu-HU', {
    timeZone: 'Europe/Budapest',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }),
};

/** A time of day as HH:MM:SS in the language's zone (Budapest for hu, UTC for en). */
export function clockTime(ms: number, language: Language): string {
  return CLOCKS[language].format(new Date(ms));
}

/** The one line that says which zone the times are in; print it once, before the first time. */
export function zoneNote(language: Language): string {
  return WORDS[language].zone;
}

/** Masks all but the first group of a törlőkód. */
export function maskDeletionCode(code: string): string {
  const [first, ...rest] = code.split(' ');
  return [first, ...rest.map((group) => '•'.repeat(group.length))].join(' ');
}

function formatAccount(a: AccountView, language: Language): string {
  const name = a.issuer ? `${a.issuer} (${a.account})` : a.account;
  const code = a.code ? `${a.code.slice(0, 3)} ${a.code.slice(3)}` : '––– –––';
  return a.secondsLeft === null ? `${name}  ${code}` : `${name}  ${code}  ${a.secondsLeft} ${WORDS[language].left}`;
}

/** The lines for one event. */
export function formatEvent(event: ScenarioEvent, o: FormatOptions): string[] {
  const w = WORDS[o.language];
  const s = o.style;
  switch (event.type) {
    // No dim text anywhere: it fades to nothing on a projector.
    case 'scenario':
      return ['', s.bold(`━━ ${event.title} ━━`), event.summary];
    case 'step':
      return ['', `${s.cyan('▸')} ${event.say}`];
    case 'time':
      return [
        `  ⏱ +${formatJump(event.now - event.advancedMs, event.now, o.language)} → ${formatLanding(event.now - event.advancedMs, event.now, clockTime(event.now, o.language), o.language)}${event.note ? ` ${event.note}` : ''}`,
      ];
    case 'qr':
      // Without the picture (--no-qr) the caption's colon would announce nothing: it says so instead.
      if (!o.drawQr) return [`  ${s.cyan(`[${event.who}]`)} ${event.caption.replace(/:\s*$/, '')} ${w.qrLeftOut}`];
      return [
        `  ${s.cyan(`[${event.who}]`)} ${event.caption}`,
        ...o
          .drawQr(event.text)
          .split('\n')
          .map((line) => `  ${line}`),
      ];
    case 'site':
      return [`  ${s.cyan(`[${w.site}]`)} ${event.ok ? s.green('✓') : s.red('✗')} ${event.message}`];
    case 'deletion-code':
      return [
        `  ${s.cyan(`[${w.site}]`)} ${w.deletionCode}: ${s.bold(o.showSecrets ? event.code : maskDeletionCode(event.code))}${o.showSecrets ? '' : ` (${w.masked})`}`,
      ];
    case 'mail': {
      // The inbox line: the code masked (it works for minutes) unless secrets are shown, never the address.
      const label = o.language === 'hu' ? 'postafiók' : 'inbox';
      const session = event.sessionNumber === null ? '' : ` (${event.sessionNumber})`;
      const code = o.showSecrets ? event.code : '••••••';
      return [`  ${s.cyan(`[${label}]`)} ${event.subject}${session}: ${s.bold(code)}`];
    }
    case 'phone': {
      const drift = event.driftMs === 0 ? '' : ` (${w.drift(Math.abs(event.driftMs / 1000), event.driftMs < 0)})`;
      const accounts = event.accounts.length === 0 ? [w.none] : event.accounts.map((a) => formatAccount(a, o.language));
      return accounts.map((line) => `  ${s.cyan(`[${event.phone}${drift}]`)} ${line}`);
    }
    case 'user':
      return [`  ${s.yellow('→')} ${event.text}`];
    case 'note':
      return [`  ${event.text}`];
    case 'check':
      return event.passed
        ? [`  ${s.green('✓')} ${event.expect}`]
        : [`  ${s.red('✗')} ${s.red(`${w.expected}: ${event.expect}`)}${event.detail ? ` — ${event.detail}` : ''}`];
    case 'result':
      return [event.passed ? s.green(s.bold(`  ${w.pass}`)) : s.red(s.bold(`  ${w.fail}`))];
  }
}

/** An event for `--json`: the same data, with secrets masked unless asked for. */
export function eventForJson(event: ScenarioEvent, showSecrets: boolean): ScenarioEvent {
  if (showSecrets) return event;
  if (event.type === 'deletion-code') return { ...event, code: maskDeletionCode(event.code) };
  if (event.type === 'mail') return { ...event, code: '••••••' };
  if (event.type === 'qr')
    return {
      ...event,
      text: event.text.replace(/([?&]secret=)[^&]*/i, '$1(hidden)').replace(/(data=)[^&]*/i, '$1(hidden)'),
    };
  return event;
}
