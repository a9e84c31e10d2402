/** A few lines of DOM building, so the demo needs no UI framework. */

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

/**
 * Creates an element: `on*` attributes become event listeners, `false`/null/undefined attributes
 * are left out, `true` becomes an empty attribute.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) el.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

/** Appends children, skipping empty ones. */
export function append(el: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces an element's children. */
export function replaceChildren(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

let nextId = 0;
/** A unique id for label/input pairs. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** A labelled input: `<label for>` + `<input id>`. */
export function field(label: string, attrs: Attrs & { name: string }): { wrap: HTMLElement; input: HTMLInputElement } {
  const id = uid(attrs.name);
  const input = h('input', { id, ...attrs });
  return { wrap: h('div', { class: 'field' }, h('label', { for: id }, label), input), input };
}

/** How long a success message stays before it is cleared (a stale "Fiók hozzáadva." misleads). */
export const OK_MESSAGE_MS = 6000;

/** A status line that screen readers announce: success messages clear themselves, errors stay until the next answer. */
export function statusLine(detailsLabel = 'Details'): {
  el: HTMLElement;
  show(text: string, ok: boolean | null, details?: string): void;
  clear(): void;
} {
  const el = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  let shown = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const clear = () => {
    clearTimeout(timer);
    el.replaceChildren();
    el.className = 'status';
  };
  return {
    el,
    clear,
    show(text, ok, details) {
      clearTimeout(timer);
      // Counts the answers, so a repeated message is still seen as new (tests wait on it).
      el.dataset['shown'] = String(++shown);
      el.replaceChildren(text);
      // The library's own (English, technical) text, folded away for the trainer.
      if (details)
        el.append(h('details', { class: 'technical' }, h('summary', {}, detailsLabel), h('code', {}, details)));
      el.className = `status ${ok === null ? '' : ok ? 'ok' : 'bad'}`;
      if (ok === true) timer = setTimeout(clear, OK_MESSAGE_MS);
    },
  };
}

/**
 * Runs one action at a time: while `action` runs, a second call is ignored and the buttons and
 * fields inside `scope` are disabled, so a double click cannot send the same code twice.
 */
export function busyGuard(scope: HTMLElement): (action: () => Promise<void>) => Promise<boolean> {
  let busy = false;
  return async (action) => {
    if (busy) return false;
    busy = true;
    scope.setAttribute('aria-busy', 'true');
    const controls = [
      ...scope.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button:not(:disabled), input:not(:disabled)'),
    ];
    for (const c of controls) c.disabled = true;
    try {
      await action();
    } finally {
      for (const c of controls) c.disabled = false;
      scope.removeAttribute('aria-busy');
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
