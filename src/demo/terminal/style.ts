import type { Language } from '../../index.js';
/** Terminal colours, switched off by --no-color, NO_COLOR or a non-terminal stdout. */
export interface Style {
  bold(text: string): string;
  green(text: string): string;
  red(text: string): string;
  cyan(text: string): string;
  yellow(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export function createStyle(color: boolean): Style {
  if (!color) {
    const plain = (text: string) => text;
    return { bold: plain, green: plain, red: plain, cyan: plain, yellow: plain };
  }
  return { bold: wrap(1, 22), green: wrap(32, 39), red: wrap(31, 39), cyan: wrap(36, 39), yellow: wrap(33, 39) };
}

/** Colours on unless --no-color, NO_COLOR (https://no-color.org) or output that is not a terminal. */
export function wantsColor(
  flag: boolean | undefined,
  env: Record<string, string | undefined>,
  isTty: boolean,
): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTty;
}

/** Hungarian when the locale says so (LC_ALL, LC_MESSAGES, LANG), English otherwise. */
export function localeLanguage(env: Record<string, string | undefined>): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^hu([_.@-]|$)/i.test(locale) ? 'hu' : 'en';
}
