/**
 * The page's small building blocks on Preact: labelled fields, the status line that screen readers
 * announce, the one-action-at-a-time guard, and the formats of codes and times.
 */
import { h, type InputHTMLAttributes, type Ref, type RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

let nextId = 0;
/** A unique id for label/input pairs. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** A unique id that stays the same for the life of a component. */
export function useUid(prefix: string): string {
  return useState(() => uid(prefix))[0];
}

/** The props of {@link Field}: the label, and the input's own attributes. */
export type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  inputRef?: Ref<HTMLInputElement>;
};

/** A labelled input: `<label for>` + `<input id>`. */
export function Field({ label, inputRef, ...attrs }: FieldProps) {
  const id = useUid(attrs.name);
  return h('div', { class: 'field' }, h('label', { for: id }, label), h('input', { id, ref: inputRef, ...attrs }));
}

/** How long a success message stays before it is cleared (a stale "Fiók hozzáadva." misleads). */
export const OK_MESSAGE_MS = 6000;

/** What a status line says. */
export interface StatusState {
  text: string;
  ok: boolean | null;
  details?: string | undefined;
  /** Counts the answers, so a repeated message is still seen as new (tests wait on it). */
  shown: number;
}

/** A status line's state: success messages clear themselves, errors stay until the next answer. */
export interface Status {
  state: StatusState;
  show(text: string, ok: boolean | null, details?: string): void;
  clear(): void;
}

/** The state of one status line (see {@link StatusLine}). */
export function useStatus(): Status {
  const [state, setState] = useState<StatusState>({ text: '', ok: null, shown: 0 });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const status = useRef<Status | null>(null);
  useEffect(() => () => clearTimeout(timer.current), []);
  status.current ??= {
    state,
    clear() {
      clearTimeout(timer.current);
      setState((s) => ({ ...s, text: '', ok: null, details: undefined }));
    },
    show(text, ok, details) {
      clearTimeout(timer.current);
      setState((s) => ({ text, ok, details, shown: s.shown + 1 }));
      if (ok === true) timer.current = setTimeout(() => status.current?.clear(), OK_MESSAGE_MS);
    },
  };
  status.current.state = state;
  return status.current;
}

/** The status line; the library's own (English, technical) text is folded away for the trainer. */
export function StatusLine({ status, detailsLabel }: { status: Status; detailsLabel: string }) {
  const { text, ok, details, shown } = status.state;
  return h(
    'p',
    {
      class: `status ${ok === null ? '' : ok ? 'ok' : 'bad'}`,
      role: 'status',
      'aria-live': 'polite',
      'data-shown': shown > 0 ? String(shown) : undefined,
    },
    text,
    text !== '' && details
      ? h('details', { class: 'technical' }, h('summary', null, detailsLabel), h('code', null, details))
      : null,
  );
}

/** Runs one action at a time; see {@link useBusyGuard}. */
export type BusyGuard = (action: () => Promise<void>) => Promise<boolean>;

/**
 * Runs one action at a time: while `action` runs, a second call is ignored and the buttons and
 * fields inside `scope` are disabled, so a double click cannot send the same code twice.
 */
export function useBusyGuard(scope: RefObject<HTMLElement | null>): BusyGuard {
  const guard = useRef<BusyGuard | null>(null);
  guard.current ??= busyGuard(() => scope.current);
  return guard.current;
}

function busyGuard(scope: () => HTMLElement | null): BusyGuard {
  let busy = false;
  return async (action) => {
    if (busy) return false;
    busy = true;
    const el = scope();
    el?.setAttribute('aria-busy', 'true');
    const controls = [
      ...(el?.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button:not(:disabled), input:not(:disabled)') ??
        []),
    ];
    for (const c of controls) c.disabled = true;
    try {
      await action();
    } finally {
      for (const c of controls) c.disabled = false;
      el?.removeAttribute('aria-busy');
      busy = false;
    }
    return true;
  };
}

/** Groups digits for reading aloud: 123456 → "123 456". */
export function groupCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** HH:MM:SS in Budapest. */
export function clockText(ms: number, lang: 'hu' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'hu' ? 'hu-HU' : 'en-GB', {
    timeZone: 'Europe/Budapest',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(ms);
}
