/**
 * Parts of the simulated site that make it look and behave like a site: the address strip and
 * header bar, and the signed-in page ("Ügyfélkapu beállítások") with "Beállítás másik eszközre"
 * and Kijelentkezés.
 */
import type { DemoApp } from './app.js';
import { field, h } from './dom.js';

/** The site's header: an address strip as a browser shows it (this page's host, the site's path), then its name. */
export function addressBar(app: DemoApp, path: string): HTMLElement {
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

/** What the settings page asks of the site panel. */
export interface SettingsHooks {
  /** The password typed so far (kept in memory only). */
  password: string;
  onPassword(value: string): void;
  deviceChange(input: { username: string; password: string; code: string }): void;
  logout(): void;
}

/** The page after login; `codeInput` is where a phone's "Beírás az oldalra" types. */
export function settingsPage(
  app: DemoApp,
  username: string,
  hooks: SettingsHooks,
): { el: HTMLElement; codeInput: HTMLInputElement } {
  const t = app.t;
  const pass = field(t('password'), {
    name: 'settings-password',
    type: 'password',
    autocomplete: 'current-password',
    value: hooks.password,
    oninput: (e) => hooks.onPassword((e.target as HTMLInputElement).value),
  });
  const code = field(t('code'), {
    name: 'settings-code',
    inputmode: 'numeric',
    autocomplete: 'one-time-code',
    maxlength: 8,
  });
  const el = h(
    'div',
    { class: 'card signed-in', role: 'region', 'aria-label': t('settingsTitle') },
    h(
      'div',
      { class: 'signed-in-head' },
      h('p', {}, `${t('signedIn')} `, h('strong', {}, username)),
      h('button', { type: 'button', onclick: () => hooks.logout() }, t('logout')),
    ),
    h('h3', {}, t('settingsTitle')),
    h(
      'p',
      { class: 'settings-row' },
      `${t('secondFactorLabel')} `,
      h('strong', {}, t(app.site.factor === 'email' ? 'secondFactorEmail' : 'secondFactorApp')),
    ),
    h(
      'form',
      {
        class: 'device-change',
        'aria-label': t('deviceChangeButton'),
        onsubmit: (e) => {
          e.preventDefault();
          hooks.deviceChange({ username, password: pass.input.value, code: code.input.value });
        },
      },
      h('p', { class: 'hint' }, t('deviceChangeHint')),
      pass.wrap,
      code.wrap,
      h('button', { type: 'submit', class: 'primary' }, t('deviceChangeButton')),
    ),
  );
  return { el, codeInput: code.input };
}
