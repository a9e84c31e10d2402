/** A few lines of DOM building, so the demo needs no UI framework. */

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

/**
 * Creates an element: `on*` attributes become event listeners, `false`/null/undefined attributes
 * are left out, `true` becomes an empty attribute.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
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

/** A status line that screen readers announce. */
export function statusLine(): { el: HTMLElement; show(text: string, ok: boolean | null): void } {
  const el = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  let shown = 0;
  return {
    el,
    show(text, ok) {
      // Counts the answers, so a repeated message is still seen as new (tests wait on it).
      el.dataset['shown'] = String(++shown);
      el.textContent = text;
      el.className = `status ${ok === null ? '' : ok ? 'ok' : 'bad'}`;
    },
  };
}

/** Groups digits for reading aloud: 123456 → "123 456". */
export function groupCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** HH:MM:SS in Budapest. */
export function clockText(ms: number, lang: 'hu' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'hu' ? 'hu-HU' : 'en-GB', { timeZone: 'Europe/Budapest', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(ms);
}
