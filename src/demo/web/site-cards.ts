/**
 * The site's first page: Regisztráció, Belépés (with the setup, the e-mail code and the device
 * change) and the lost phone's törlőkód.
 */
import { h } from 'preact';
import { useRef } from 'preact/hooks';
import { SessionLine } from './email-cards.js';
import { loginActions, type LoginValues } from './login-actions.js';
import { codeFieldOf } from './site-bridge.js';
import type { CardInUse, SiteKit } from './site-kit.js';
import { Field } from './ui.js';

const cardClass = (kit: SiteKit, name: CardInUse) => `card ${name}${kit.inUse === name ? ' in-use' : ''}`;

/** The username and password fields every card asks for; both shared by the cards. */
function Credentials({ kit, prefix }: { kit: SiteKit; prefix: string }) {
  const t = kit.app.t;
  return [
    h(Field, {
      label: t('username'),
      name: `${prefix}-username`,
      autocomplete: 'username',
      value: kit.app.site.username,
      onInput: (e) => void (kit.app.site.username = e.currentTarget.value),
    }),
    h(Field, {
      label: t('password'),
      name: `${prefix}-password`,
      type: 'password',
      autocomplete: 'current-password',
      value: kit.password,
      onInput: (e) => void (kit.password = e.currentTarget.value),
    }),
  ];
}

/** The value of the field named `name` in `form`. */
export function valueOf(form: HTMLFormElement | null, name: string): string {
  const field = form?.elements.namedItem(name);
  return field instanceof HTMLInputElement ? field.value : '';
}

export function RegisterCard({ kit }: { kit: SiteKit }) {
  const t = kit.app.t;
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const input = {
      username: valueOf(form, 'register-username'),
      password: valueOf(form, 'register-password'),
      email: valueOf(form, 'register-email'),
    };
    void kit.run(async () => {
      const result = await kit.app.service.register(input);
      kit.report(result);
      kit.inUse = result.ok ? 'login' : 'register';
    });
  };
  return h(
    'form',
    { class: cardClass(kit, 'register'), 'aria-label': t('register'), onSubmit: submit },
    h('h3', null, t('register')),
    h(Credentials, { kit, prefix: 'register' }),
    h(Field, { label: t('email'), name: 'register-email', type: 'email', defaultValue: 'kovacs.janos@example.hu' }),
    h('button', { type: 'submit' }, t('registerButton')),
  );
}

export function LoginCard({ kit }: { kit: SiteKit }) {
  const t = kit.app.t;
  const form = useRef<HTMLFormElement>(null);
  const values = (): LoginValues => ({
    username: valueOf(form.current, 'login-username'),
    password: valueOf(form.current, 'login-password'),
    code: valueOf(form.current, 'login-code'),
  });
  const act = loginActions(kit, values);
  const email = kit.app.service.email;
  const button = (text: string, onClick: () => void) => h('button', { type: 'button', onClick }, text);
  return h(
    'form',
    {
      class: cardClass(kit, 'login'),
      'aria-label': t('login'),
      ref: form,
      onSubmit: (e) => (e.preventDefault(), void act.login()),
    },
    h('h3', null, t('login')),
    h(Credentials, { kit, prefix: 'login' }),
    h(Field, {
      label: t('code'),
      name: 'login-code',
      inputMode: 'numeric',
      autocomplete: 'one-time-code',
      maxLength: 8,
      inputRef: codeFieldOf(kit.bridge),
    }),
    h(SessionLine, { app: kit.app, username: kit.app.site.username }),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary' }, t('loginButton')),
      email ? button(t('sendCodeButton'), act.sendCode) : null,
      button(t('enrollButton'), act.enroll),
      email ? button(t('chooseEmailButton'), act.chooseEmail) : null,
      button(t('deviceChangeButton'), act.deviceChange),
    ),
  );
}

export function LostPhoneCard({ kit }: { kit: SiteKit }) {
  const t = kit.app.t;
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const input = {
      username: valueOf(form, 'redeem-username'),
      password: valueOf(form, 'redeem-password'),
      deletionCode: valueOf(form, 'redeem-code'),
    };
    kit.inUse = 'lost-phone';
    void kit.run(async () => kit.report(await kit.app.service.redeemDeletionCode(input)));
  };
  return h(
    'form',
    { class: cardClass(kit, 'lost-phone'), 'aria-label': t('lostPhone'), onSubmit: submit },
    h('h3', null, t('lostPhone')),
    h(Credentials, { kit, prefix: 'redeem' }),
    h(Field, { label: t('deletionCode'), name: 'redeem-code', autocomplete: 'off' }),
    h('button', { type: 'submit' }, t('redeemButton')),
  );
}
