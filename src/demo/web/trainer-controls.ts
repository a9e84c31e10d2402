/** Small controls of the trainer's panel: a labelled checkbox, the language, and the reset that asks first. */
import { h } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { DemoApp } from './app.js';
import type { DemoSession } from './session.js';
import { useUid } from './ui.js';

/** A checkbox with its label; `name` starts its id (a rebuilt page focuses it again by that). */
export function Check(props: { name: string; label: string; checked: boolean; onChange(on: boolean): void }) {
  const id = useUid(props.name);
  return h(
    'span',
    { class: 'check' },
    h('input', {
      type: 'checkbox',
      id,
      checked: props.checked,
      onChange: (e) => props.onChange(e.currentTarget.checked),
    }),
    h('label', { for: id }, props.label),
  );
}

export function LanguageSelect({ session }: { session: DemoSession }) {
  const id = useUid('language');
  const lang = session.app.lang;
  return [
    h('label', { for: id }, `${session.app.t('language')}:`),
    h(
      'select',
      { id, onChange: (e) => session.setLanguage((e.currentTarget as HTMLSelectElement).value === 'en' ? 'en' : 'hu') },
      h('option', { value: 'hu', selected: lang === 'hu' }, 'Magyar'),
      h('option', { value: 'en', selected: lang === 'en' }, 'English'),
    ),
  ];
}

/** A full reset wipes every account and phone: it asks first, in place (no browser dialog on a projector). */
export function ResetControl({ app, reset }: { app: DemoApp; reset: () => void }) {
  const t = app.t;
  const [asking, setAsking] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const group = useRef<HTMLSpanElement>(null);
  const asked = useRef(false);
  // The focus follows: to Mégse when asking, back to the reset button after Mégse.
  useLayoutEffect(() => {
    if (asking) group.current?.querySelector<HTMLButtonElement>('button:last-child')?.focus();
    else if (asked.current) button.current?.focus();
    asked.current ||= asking;
  }, [asking]);
  return [
    h(
      'button',
      { type: 'button', class: 'danger', hidden: asking, onClick: () => setAsking(true), ref: button },
      t('reset'),
    ),
    h(
      'span',
      { class: 'confirm-reset', hidden: !asking, role: 'group', 'aria-label': t('resetQuestion'), ref: group },
      h('strong', null, t('resetQuestion')),
      h('button', { type: 'button', class: 'danger', onClick: reset }, t('resetYes')),
      h('button', { type: 'button', onClick: () => setAsking(false) }, t('cancel')),
    ),
  ];
}
