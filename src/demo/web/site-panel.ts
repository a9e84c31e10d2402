/**
 * The simulated Ügyfélkapu+ site: registration, login, the setup with its QR code, the törlőkód
 * and Befejezés, "Beállítás másik eszközre", and the lost-phone form with the törlőkód.
 */
import { drawQr } from '../../browser/index.js';
import type { AuditEvent } from '../../index.js';
import { analyseTypedCode, type DemoApp, type SiteEnrollment } from './app.js';
import { friendlyError } from './error-texts.js';
import { busyGuard, field, groupCode, h, statusLine } from './dom.js';
import { emailSetupCard, passwordChangeCard, passwordWarningLine, sessionLine } from './email-cards.js';
import { addressBar, settingsPage } from './site-pages.js';

/** The site panel and the hooks the phones use. */
export interface SitePanel {
  el: HTMLElement;
  /** The canvas with the setup QR code, when one is shown. */
  qrCanvas(): HTMLCanvasElement | null;
  /** Puts a code from a phone into the code field on screen. */
  typeCode(code: string): void;
  /** Shows or hides the room's fault banner when the fault has changed. */
  showFault(): void;
}

/** Renders the site; `changed` is called after anything that other panels show. */
export function sitePanel(app: DemoApp, changed: () => void): SitePanel {
  const t = app.t;
  const status = statusLine(t('details'));
  const root = h('section', { class: 'panel site', 'aria-labelledby': 'site-title' });
  const guard = busyGuard(root);
  let canvas: HTMLCanvasElement | null = null;
  let codeInput: HTMLInputElement | null = null;
  // Kept in memory only, so a re-render keeps what was typed; never saved.
  let password = 'Tavaszi-Szel-2025';
  // The card in use, so presentation mode can hide the others (login always shows).
  let inUse: 'register' | 'login' | 'lost-phone' = 'register';
  // The password warning of the last login (near expiry); cleared by the next answer.
  let warning: string | null = null;
  /** Keeps what a password step says beyond yes or no: the warning, or the forced change. */
  const notePassword = (
    username: string,
    result: { ok: boolean; messageKey?: string; passwordWarning?: { message: string } },
  ) => {
    warning = result.ok && result.passwordWarning ? result.passwordWarning.message : null;
    if (!result.ok && result.messageKey === 'password.expired') app.site.passwordChange = username.trim();
  };
  // The room's fault, as the server said at the last clock read.
  const banner = h('p', { class: 'fault-banner', role: 'alert', hidden: true });
  const showFault = () => {
    const fault = app.room?.fault ?? null;
    banner.hidden = fault === null;
    banner.textContent = fault === null ? '' : `${t('faultBanner')} ${t(fault)}`;
  };
  const card = (name: typeof inUse) => `card ${name}${inUse === name ? ' in-use' : ''}`;

  const report = (result: { ok: boolean; message: string }) => {
    status.show(result.message, result.ok);
  };
  const run = (action: () => Promise<void>) =>
    guard(async () => {
      try {
        await action();
      } catch (error) {
        const f = friendlyError(error, app.lang);
        status.show(f.text, false, f.details);
      }
      app.save();
      render();
      changed();
    });
  const judged = async <R extends { ok: boolean; message: string }>(
    username: string,
    code: string,
    pending: boolean,
    call: () => Promise<R>,
  ): Promise<R> => {
    // In a room the server keeps the keys and the audit log: the ruler shows no typed code then.
    if (app.room !== null) {
      const result = await call();
      app.typed = null;
      report(result);
      return result;
    }
    const typed = await analyseTypedCode(app, username, code, pending);
    const since = app.provider.auditLog().at(-1)?.seq ?? 0;
    const result = await call();
    app.typed = {
      ...typed,
      accepted: result.ok,
      reason: result.ok ? null : refusalReason(app.provider.auditLog(since)),
    };
    report(result);
    return result;
  };

  function render() {
    const site = app.site;
    canvas = null;
    codeInput = null;
    const parts: HTMLElement[] = [siteBar(), status.el];
    parts.push(banner);
    showFault();
    if (warning !== null) parts.push(passwordWarningLine(warning));
    if (site.enrollment) parts.push(enrollmentCard(site.enrollment));
    else if (site.emailSetup) parts.push(emailSetup(site.emailSetup));
    else if (site.passwordChange) parts.push(passwordChange(site.passwordChange));
    else if (site.signedIn) parts.push(signedInPage(site.signedIn));
    else parts.push(registerCard(), loginCard(), lostPhoneCard());
    root.replaceChildren(...parts);
    if (canvas && site.enrollment) drawQr(canvas, site.enrollment.keyUri, 5);
  }

  function siteBar() {
    return addressBar(app, app.site.enrollment ? '/ugyfelkapu-plusz' : app.site.signedIn ? '/beallitasok' : '/belepes');
  }

  function signedInPage(username: string) {
    const page = settingsPage(app, username, {
      password,
      onPassword: (value) => void (password = value),
      deviceChange: (v) =>
        run(async () => {
          const started = await judged(username, v.code, false, () => app.service.startDeviceChange(v));
          if (started.ok && 'enrollmentId' in started) app.site.enrollment = toSiteEnrollment(started);
        }),
      logout: () =>
        run(async () => {
          await app.service.logout();
          app.site.signedIn = null;
          status.show(t('loggedOut'), true);
        }),
    });
    codeInput = page.codeInput;
    return page.el;
  }

  function emailSetup(setup: NonNullable<typeof app.site.emailSetup>) {
    const card = emailSetupCard(app, setup, {
      confirm: (code) =>
        run(async () => {
          const result = await app.service.email!.confirmEmailFactor({ setupId: setup.setupId, code });
          report(result);
          if (result.ok) app.site.emailSetup = null;
        }),
      cancel: () => run(async () => void (app.site.emailSetup = null)),
    });
    codeInput = card.codeInput;
    return card.el;
  }

  function passwordChange(username: string) {
    return passwordChangeCard(app, username, password, {
      change: (old, next) =>
        run(async () => {
          const result = await app.service.email!.changePassword({ username, password: old, newPassword: next });
          report(result);
          if (result.ok) {
            app.site.passwordChange = null;
            password = next;
          }
        }),
      cancel: () => run(async () => void (app.site.passwordChange = null)),
    });
  }

  function credentials(prefix: string) {
    const user = field(t('username'), {
      name: `${prefix}-username`,
      autocomplete: 'username',
      value: app.site.username,
      oninput: (e) => void (app.site.username = (e.target as HTMLInputElement).value),
    });
    const pass = field(t('password'), {
      name: `${prefix}-password`,
      type: 'password',
      autocomplete: 'current-password',
      value: password,
      oninput: (e) => void (password = (e.target as HTMLInputElement).value),
    });
    return { user, pass };
  }

  function registerCard() {
    const { user, pass } = credentials('register');
    const email = field(t('email'), { name: 'register-email', type: 'email', value: 'kovacs.janos@example.hu' });
    return h(
      'form',
      {
        class: card('register'),
        'aria-label': t('register'),
        onsubmit: (e) => {
          e.preventDefault();
          void run(async () => {
            const result = await app.service.register({
              username: user.input.value,
              password: pass.input.value,
              email: email.input.value,
            });
            report(result);
            inUse = result.ok ? 'login' : 'register';
          });
        },
      },
      h('h3', {}, t('register')),
      user.wrap,
      pass.wrap,
      email.wrap,
      h('button', { type: 'submit' }, t('registerButton')),
    );
  }

  function loginCard() {
    const { user, pass } = credentials('login');
    const code = field(t('code'), {
      name: 'login-code',
      inputmode: 'numeric',
      autocomplete: 'one-time-code',
      maxlength: 8,
    });
    codeInput = code.input;
    const values = () => ({ username: user.input.value, password: pass.input.value, code: code.input.value });
    const login = () =>
      run(async () => {
        const v = values();
        const result = await judged(v.username, v.code, false, () => app.service.login(v));
        notePassword(v.username, result);
        if (result.ok) {
          app.site.signedIn = v.username.trim();
          const known = await app.service.known(v.username).catch(() => null);
          app.site.factor = known?.factor === 'email' ? 'email' : 'app';
        }
      });
    const email = app.service.email;
    // The code page of an e-mail account: the password first, then a fresh code by mail.
    const sendCode = () =>
      run(async () => {
        const v = values();
        const checked = await email!.verifyPassword({ username: v.username, password: v.password });
        notePassword(v.username, checked);
        if (!checked.ok) return report(checked);
        if (checked.secondFactor !== 'email') return status.show(t('notEmailAccount'), false);
        const sent = await email!.sendEmailCode({ username: v.username });
        report(sent);
        if (sent.ok) app.site.emailSession = { username: v.username.trim(), sessionNumber: sent.sessionNumber };
      });
    const chooseEmail = () =>
      run(async () => {
        const v = values();
        const started = await email!.startEmailFactor({
          username: v.username,
          password: v.password,
          ...(v.code.trim() !== '' && { code: v.code }),
        });
        notePassword(v.username, started);
        report(started);
        if (started.ok)
          app.site.emailSetup = {
            setupId: started.setupId,
            account: v.username.trim(),
            sessionNumber: started.sessionNumber,
          };
      });
    const enroll = () =>
      run(async () => {
        const v = values();
        const started = await app.service.startEnrollment({ username: v.username, password: v.password });
        report(started);
        if (started.ok) app.site.enrollment = toSiteEnrollment(started);
      });
    const deviceChange = () =>
      run(async () => {
        const v = values();
        const started = await judged(v.username, v.code, false, () => app.service.startDeviceChange(v));
        if (started.ok && 'enrollmentId' in started) app.site.enrollment = toSiteEnrollment(started);
      });
    return h(
      'form',
      { class: card('login'), 'aria-label': t('login'), onsubmit: (e) => (e.preventDefault(), void login()) },
      h('h3', {}, t('login')),
      user.wrap,
      pass.wrap,
      code.wrap,
      sessionLine(app, user.input.value),
      h(
        'div',
        { class: 'buttons' },
        h('button', { type: 'submit', class: 'primary' }, t('loginButton')),
        email ? h('button', { type: 'button', onclick: sendCode }, t('sendCodeButton')) : null,
        h('button', { type: 'button', onclick: enroll }, t('enrollButton')),
        email ? h('button', { type: 'button', onclick: chooseEmail }, t('chooseEmailButton')) : null,
        h('button', { type: 'button', onclick: deviceChange }, t('deviceChangeButton')),
      ),
    );
  }

  function lostPhoneCard() {
    const { user, pass } = credentials('redeem');
    const code = field(t('deletionCode'), { name: 'redeem-code', autocomplete: 'off' });
    return h(
      'form',
      {
        class: card('lost-phone'),
        'aria-label': t('lostPhone'),
        onsubmit: (e) => {
          e.preventDefault();
          inUse = 'lost-phone';
          void run(async () =>
            report(
              await app.service.redeemDeletionCode({
                username: user.input.value,
                password: pass.input.value,
                deletionCode: code.input.value,
              }),
            ),
          );
        },
      },
      h('h3', {}, t('lostPhone')),
      user.wrap,
      pass.wrap,
      code.wrap,
      h('button', { type: 'submit' }, t('redeemButton')),
    );
  }

  function enrollmentCard(e: SiteEnrollment) {
    const title = h('h3', {}, e.kind === 'enrollment' ? t('enrollTitle') : t('deviceChangeTitle'));
    const cancel = h(
      'button',
      {
        type: 'button',
        onclick: () =>
          run(async () => {
            try {
              report(await app.service.abandonEnrollment({ enrollmentId: e.id }));
            } finally {
              app.site.enrollment = null;
            }
          }),
      },
      t('cancel'),
    );
    if (e.deletionCode === null) {
      canvas = h('canvas', { class: 'qr', role: 'img', 'aria-label': t('qrLabel'), width: 200, height: 200 });
      const code = field(t('confirmCode'), {
        name: 'confirm-code',
        inputmode: 'numeric',
        autocomplete: 'one-time-code',
        maxlength: 8,
      });
      codeInput = code.input;
      const toggle = h(
        'button',
        {
          type: 'button',
          class: 'link',
          'aria-expanded': String(e.showSecret),
          onclick: () => run(async () => void (e.showSecret = !e.showSecret)),
        },
        t('cantScan'),
      );
      const confirm = () =>
        run(async () => {
          const result = await judged(e.account, code.input.value, true, () =>
            app.service.confirmEnrollment({ enrollmentId: e.id, code: code.input.value }),
          );
          if (result.ok && 'deletionCode' in result) e.deletionCode = result.deletionCode;
        });
      return h(
        'form',
        {
          class: 'card enroll',
          'aria-label': title.textContent ?? '',
          onsubmit: (ev) => (ev.preventDefault(), void confirm()),
        },
        title,
        canvas,
        toggle,
        e.showSecret
          ? h('p', { class: 'secret' }, `${t('secretKey')} `, h('code', { 'data-testid': 'secret-key' }, e.secretText))
          : null,
        code.wrap,
        h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('next')), cancel),
      );
    }
    // Befejezés only once the box is ticked, as on the real site.
    const saved = h('input', {
      type: 'checkbox',
      id: 'deletion-saved',
      onchange: () => void (finishButton.disabled = !saved.checked),
    });
    const download = () => {
      const url = URL.createObjectURL(new Blob([`${e.deletionCode}\n`], { type: 'text/plain' }));
      const a = h('a', { href: url, download: t('deletionFileName') });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    };
    const finish = () =>
      run(async () => {
        const result = await app.service.finishEnrollment({ enrollmentId: e.id, deletionCodeSaved: saved.checked });
        report(result);
        if (result.ok) app.site.enrollment = null;
      });
    const finishButton = h(
      'button',
      { type: 'button', class: 'primary', disabled: true, onclick: finish },
      t('finish'),
    );
    return h(
      'div',
      { class: 'card enroll' },
      title,
      h('p', { class: 'tick' }, '✓ ', t('deletionCodeShown')),
      h('p', { class: 'deletion-code', 'data-testid': 'deletion-code' }, e.deletionCode),
      h('button', { type: 'button', class: 'primary', onclick: download }, t('saveDeletionCode')),
      h('div', { class: 'check' }, saved, h('label', { for: 'deletion-saved' }, t('savedCheckbox'))),
      h('div', { class: 'buttons' }, finishButton, cancel),
    );
  }

  render();
  return {
    el: root,
    qrCanvas: () => canvas,
    showFault,
    typeCode(code) {
      if (!codeInput) return;
      codeInput.value = groupCode(code).replace(' ', '');
      codeInput.focus();
    },
  };
}

/** The reason the audit log gives for the call just made (the user is only told "no"). */
function refusalReason(events: AuditEvent[]): string | null {
  for (const e of [...events].reverse()) {
    if (e.type === 'fault') return `fault-${e.fault ?? 'outage'}`;
    if (e.reason) return e.reason;
  }
  return null;
}

function toSiteEnrollment(started: {
  enrollmentId: string;
  kind: 'enrollment' | 'device-change';
  account: string;
  keyUri: string;
  secretText: string;
}): SiteEnrollment {
  return {
    id: started.enrollmentId,
    kind: started.kind,
    account: started.account,
    keyUri: started.keyUri,
    secretText: started.secretText,
    showSecret: false,
    deletionCode: null,
  };
}
