/**
 * The e-mail second factor and password age on the simulated site: the code page's session
 * number, the confirmation of e-mail as the factor (the code from the mail), the password warning,
 * and the forced change of an expired password.
 */
import { h } from 'preact';
import type { DemoApp, SiteEmailSetup } from './app.js';
import { codeFieldOf } from './site-bridge.js';
import { valueOf } from './site-cards.js';
import type { SiteKit } from './site-kit.js';
import { Field } from './ui.js';

/** The session number the site shows beside the code field; the mail repeats it. */
export function SessionLine({ app, username }: { app: DemoApp; username: string }) {
  const session = app.site.emailSession;
  if (session === null || session.username !== username.trim()) return null;
  return h(SessionNumber, { app, number: session.sessionNumber });
}

function SessionNumber({ app, number }: { app: DemoApp; number: string }) {
  return h(
    'p',
    { class: 'session-number', 'data-testid': 'session-number' },
    `${app.t('sessionNumber')} `,
    h('strong', null, number),
  );
}

/** The password warning near expiry, as a line under the site's answer. */
export function PasswordWarningLine({ text }: { text: string }) {
  return h('p', { class: 'password-warning', role: 'note' }, text);
}

/** "Ügyfélkapu+ e-mailes kóddal": the session number and the code from the mail. */
export function EmailSetupCard({ kit, setup }: { kit: SiteKit; setup: SiteEmailSetup }) {
  const { app } = kit;
  const t = app.t;
  const confirm = (e: Event) => {
    e.preventDefault();
    const code = valueOf(e.currentTarget as HTMLFormElement, 'email-setup-code');
    void kit.run(async () => {
      const result = await app.service.email!.confirmEmailFactor({ setupId: setup.setupId, code });
      kit.report(result);
      if (result.ok) app.site.emailSetup = null;
    });
  };
  return h(
    'form',
    { class: 'card email-setup', 'aria-label': t('emailSetupTitle'), onSubmit: confirm },
    h('h3', null, t('emailSetupTitle')),
    h(SessionNumber, { app, number: setup.sessionNumber }),
    h('p', { class: 'hint' }, t('emailSetupHint')),
    h(Field, {
      label: t('emailCodeLabel'),
      name: 'email-setup-code',
      inputMode: 'numeric',
      autocomplete: 'one-time-code',
      maxLength: 8,
      inputRef: codeFieldOf(kit.bridge),
    }),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary' }, t('confirmButton')),
      h(
        'button',
        { type: 'button', onClick: () => kit.run(async () => void (app.site.emailSetup = null)) },
        t('cancel'),
      ),
    ),
  );
}

/** The forced change of an expired password: the old one and a new one. */
export function PasswordChangeCard({ kit, username }: { kit: SiteKit; username: string }) {
  const { app } = kit;
  const t = app.t;
  const change = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const password = valueOf(form, 'change-password');
    const newPassword = valueOf(form, 'new-password');
    void kit.run(async () => {
      const result = await app.service.email!.changePassword({ username, password, newPassword });
      kit.report(result);
      if (result.ok) {
        app.site.passwordChange = null;
        kit.password = newPassword;
      }
    });
  };
  return h(
    'form',
    { class: 'card password-change', 'aria-label': t('passwordChangeTitle'), onSubmit: change },
    h('h3', null, t('passwordChangeTitle')),
    h('p', null, `${t('username')}: `, h('strong', null, username)),
    h(Field, {
      label: t('password'),
      name: 'change-password',
      type: 'password',
      autocomplete: 'current-password',
      defaultValue: kit.password,
    }),
    h(Field, { label: t('newPassword'), name: 'new-password', type: 'password', autocomplete: 'new-password' }),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary' }, t('changePasswordButton')),
      h(
        'button',
        { type: 'button', onClick: () => kit.run(async () => void (app.site.passwordChange = null)) },
        t('cancel'),
      ),
    ),
  );
}
