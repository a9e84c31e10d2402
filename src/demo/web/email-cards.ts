/**
 * The e-mail second factor and password age on the simulated site: the code page's session
 * number, the confirmation of e-mail as the factor (the code from the mail), the password warning,
 * and the forced change of an expired password.
 */
import type { DemoApp, SiteEmailSetup } from './app.js';
import { field, h } from './dom.js';

/** The session number the site shows beside the code field; the mail repeats it. */
export function sessionLine(app: DemoApp, username: string): HTMLElement | null {
  const session = app.site.emailSession;
  if (session === null || session.username !== username.trim()) return null;
  return h(
    'p',
    { class: 'session-number', 'data-testid': 'session-number' },
    `${app.t('sessionNumber')} `,
    h('strong', {}, session.sessionNumber),
  );
}

/** The password warning near expiry, as a line under the site's answer. */
export function passwordWarningLine(text: string): HTMLElement {
  return h('p', { class: 'password-warning', role: 'note' }, text);
}

/** What the cards ask of the site panel. */
export interface EmailCardHooks {
  confirm(code: string): void;
  cancel(): void;
}

/** "Ügyfélkapu+ e-mailes kóddal": the session number and the code from the mail. */
export function emailSetupCard(
  app: DemoApp,
  setup: SiteEmailSetup,
  hooks: EmailCardHooks,
): { el: HTMLElement; codeInput: HTMLInputElement } {
  const t = app.t;
  const code = field(t('emailCodeLabel'), {
    name: 'email-setup-code',
    inputmode: 'numeric',
    autocomplete: 'one-time-code',
    maxlength: 8,
  });
  const el = h(
    'form',
    {
      class: 'card email-setup',
      'aria-label': t('emailSetupTitle'),
      onsubmit: (e) => (e.preventDefault(), hooks.confirm(code.input.value)),
    },
    h('h3', {}, t('emailSetupTitle')),
    h(
      'p',
      { class: 'session-number', 'data-testid': 'session-number' },
      `${t('sessionNumber')} `,
      h('strong', {}, setup.sessionNumber),
    ),
    h('p', { class: 'hint' }, t('emailSetupHint')),
    code.wrap,
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary' }, t('confirmButton')),
      h('button', { type: 'button', onclick: () => hooks.cancel() }, t('cancel')),
    ),
  );
  return { el, codeInput: code.input };
}

/** The forced change of an expired password: the old one and a new one. */
export function passwordChangeCard(
  app: DemoApp,
  username: string,
  password: string,
  hooks: { change(password: string, newPassword: string): void; cancel(): void },
): HTMLElement {
  const t = app.t;
  const old = field(t('password'), {
    name: 'change-password',
    type: 'password',
    autocomplete: 'current-password',
    value: password,
  });
  const next = field(t('newPassword'), { name: 'new-password', type: 'password', autocomplete: 'new-password' });
  return h(
    'form',
    {
      class: 'card password-change',
      'aria-label': t('passwordChangeTitle'),
      onsubmit: (e) => (e.preventDefault(), hooks.change(old.input.value, next.input.value)),
    },
    h('h3', {}, t('passwordChangeTitle')),
    h('p', {}, `${t('username')}: `, h('strong', {}, username)),
    old.wrap,
    next.wrap,
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary' }, t('changePasswordButton')),
      h('button', { type: 'button', onclick: () => hooks.cancel() }, t('cancel')),
    ),
  );
}
