/**
 * Parts of the simulated site that make it look and behave like a site: the address strip and
 * header bar, and the signed-in page ("Ügyfélkapu beállítások") with "Beállítás másik eszközre"
 * and Kijelentkezés.
 */
import { h } from 'preact';
import type { DemoApp } from './app.js';
import { startDeviceChange } from './login-actions.js';
import { codeFieldOf } from './site-bridge.js';
import { valueOf } from './site-cards.js';
import type { SiteKit } from './site-kit.js';
import { Field } from './ui.js';

/** The site's header: an address strip as a browser shows it (this page's host, the site's path), then its name. */
export function AddressBar({ app, path }: { app: DemoApp; path: string }) {
  return h(
    'header',
    { class: 'site-bar' },
    h(
      'p',
      { class: 'address-strip' },
      h('span', { class: 'lock', 'aria-hidden': 'true' }),
      h('span', { class: 'host' }, globalThis.location?.host ?? ''),
      h('span', { class: 'path' }, path),
    ),
    h('h2', { id: 'site-title' }, app.t('site')),
  );
}

/** The page after login; its code field is where a phone's "Beírás az oldalra" types. */
export function SettingsPage({ kit, username }: { kit: SiteKit; username: string }) {
  const { app } = kit;
  const t = app.t;
  const logout = () =>
    kit.run(async () => {
      await app.service.logout();
      app.site.signedIn = null;
      kit.status.show(t('loggedOut'), true);
    });
  const deviceChange = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = { username, password: valueOf(form, 'settings-password'), code: valueOf(form, 'settings-code') };
    void kit.run(() => startDeviceChange(kit, v));
  };
  return h(
    'div',
    { class: 'card signed-in', role: 'region', 'aria-label': t('settingsTitle') },
    h(
      'div',
      { class: 'signed-in-head' },
      h('p', null, `${t('signedIn')} `, h('strong', null, username)),
      h('button', { type: 'button', onClick: logout }, t('logout')),
    ),
    h('h3', null, t('settingsTitle')),
    h(
      'p',
      { class: 'settings-row' },
      `${t('secondFactorLabel')} `,
      h('strong', null, t(app.site.factor === 'email' ? 'secondFactorEmail' : 'secondFactorApp')),
    ),
    h(
      'form',
      { class: 'device-change', 'aria-label': t('deviceChangeButton'), onSubmit: deviceChange },
      h('p', { class: 'hint' }, t('deviceChangeHint')),
      h(Field, {
        label: t('password'),
        name: 'settings-password',
        type: 'password',
        autocomplete: 'current-password',
        value: kit.password,
        onInput: (e) => void (kit.password = e.currentTarget.value),
      }),
      h(Field, {
        label: t('code'),
        name: 'settings-code',
        inputMode: 'numeric',
        autocomplete: 'one-time-code',
        maxLength: 8,
        inputRef: codeFieldOf(kit.bridge),
      }),
      h('button', { type: 'submit', class: 'primary' }, t('deviceChangeButton')),
    ),
  );
}
