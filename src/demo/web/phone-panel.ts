/**
 * A virtual phone: its clock and drift, the accounts with their codes and countdown rings, swipe
 * left to remove and right to rename, and the ways in: the site's QR code on screen, a webcam,
 * an uploaded picture, or the key typed by hand.
 */
import { detectFormat, type AccountView, type Authenticator, type ScanResult } from '../../index.js';
import { imageFromCanvas, imageFromFile, startWebcam, type Webcam } from '../../browser/index.js';
import type { DemoApp } from './app.js';
import { busyGuard, clockText, field, groupCode, h, statusLine } from './dom.js';
import { friendlyError } from './error-texts.js';
import { countdownRing } from './ring.js';
import { makeSwipeable } from './swipe.js';

/** What the phone needs from the rest of the page. */
export interface PhoneHooks {
  siteCanvas(): HTMLCanvasElement | null;
  typeCode(code: string): void;
  changed(): void;
}

/** Renders phone `index`; `update()` refreshes its clock and codes. */
export function phonePanel(
  app: DemoApp,
  index: number,
  hooks: PhoneHooks,
): { el: HTMLElement; update(): void; stop(): void } {
  const t = app.t;
  const phone: Authenticator = app.phones[index]!;
  const name = `${t('phone')} ${'AB'[index]}`;
  const status = statusLine(t('details'));
  const timeEl = h('span', { class: 'phone-time' });
  const list = h('ul', { class: 'accounts', 'aria-label': name });
  const rows = new Map<string, { code: HTMLElement; ring: ReturnType<typeof countdownRing> }>();
  let signature = '';
  let renaming: string | null = null;
  let webcam: Webcam | null = null;
  // A second click while the camera is starting would open it twice.
  let starting = false;

  const fail = (error: unknown) => {
    const f = friendlyError(error, app.lang);
    status.show(f.text, false, f.details);
  };
  const saveAndShow = () => {
    app.save();
    signature = '';
    update();
    hooks.changed();
  };
  const reportScan = (result: ScanResult) => {
    if (result.status === 'added') status.show(result.warning ?? t('added'), true);
    else if (result.status === 'duplicate') status.show(t('duplicate'), false);
    else if (result.status === 'imported') status.show(`${t('added')} (${result.added.length})`, true);
    else if (result.status === 'no-code') status.show(t('noCode'), false);
    else status.show(result.message, false);
    saveAndShow();
  };
  const addText = (text: string) => {
    try {
      reportScan(
        /^otpauth-migration:/i.test(text)
          ? { ...phone.importMigration(text), status: 'imported', kind: 'migration' }
          : { ...phone.addKeyUri(text), kind: 'key-uri' },
      );
    } catch (error) {
      fail(error);
    }
  };

  const drift = field(t('drift'), {
    name: `drift-${index}`,
    type: 'number',
    step: 15,
    value: phone.driftMs / 1000,
    onchange: (e) => {
      const input = e.target as HTMLInputElement;
      const seconds = input.value.trim() === '' ? NaN : Number(input.value);
      try {
        if (!Number.isFinite(seconds)) throw new RangeError(`not a number: ${input.value}`);
        phone.setDrift(Math.round(seconds * 1000));
      } catch (error) {
        // Said on the phone, and the field shows the drift still in force.
        status.show(t('driftInvalid'), false, error instanceof Error ? error.message : String(error));
        input.value = String(phone.driftMs / 1000);
      }
      saveAndShow();
    },
  });

  const scanSite = async () => {
    const canvas = hooks.siteCanvas();
    if (!canvas) return status.show(t('noCode'), false);
    reportScan(await phone.scan(imageFromCanvas(canvas)));
  };
  const video = h('video', { class: 'webcam', hidden: true, 'aria-label': t('webcam') });
  const webcamButton = h(
    'button',
    {
      type: 'button',
      'aria-pressed': 'false',
      onclick: async () => {
        if (starting) return;
        if (webcam) return stopWebcam();
        starting = true;
        try {
          video.hidden = false;
          webcamButton.setAttribute('aria-pressed', 'true');
          webcamButton.textContent = t('stopWebcam');
          webcam = await startWebcam(video, { onCode: (text) => (stopWebcam(), addText(text)) });
          starting = false;
        } catch (error) {
          starting = false;
          stopWebcam();
          const f = friendlyError(error, app.lang, 'camera');
          status.show(`${t('webcamError')} ${f.text}`, false, f.details);
        }
      },
    },
    t('webcam'),
  );
  const stopWebcam = () => {
    webcam?.stop();
    webcam = null;
    video.hidden = true;
    webcamButton.setAttribute('aria-pressed', 'false');
    webcamButton.textContent = t('webcam');
  };
  // An encrypted export waits here for its password, typed into a page field (type=password: not
  // echoed, unlike window.prompt); the password is read once, never kept, logged or saved.
  let pendingExport: { name: string; bytes: Uint8Array } | null = null;
  const exportPassword = field(t('exportPassword'), {
    name: `export-password-${index}`,
    type: 'password',
    autocomplete: 'off',
  });
  const importExport = async (bytes: Uint8Array, password?: string) => {
    reportScan({
      ...(await phone.importFile(bytes, password === undefined ? {} : { password })),
      status: 'imported',
      kind: 'migration',
    });
  };
  const closePasswordForm = () => {
    pendingExport = null;
    exportPassword.input.value = '';
    passwordForm.hidden = true;
  };
  const passwordLegend = h('legend', {});
  const passwordForm = h(
    'form',
    {
      class: 'export-password',
      hidden: true,
      onsubmit: (e) => {
        e.preventDefault();
        void guard(async () => {
          const pending = pendingExport;
          const password = exportPassword.input.value;
          exportPassword.input.value = '';
          if (!pending) return;
          try {
            await importExport(pending.bytes, password);
            closePasswordForm();
          } catch (error) {
            // A wrong password: the file stays open for another try; the field is empty again.
            fail(error);
          }
        });
      },
    },
    h(
      'fieldset',
      {},
      passwordLegend,
      exportPassword.wrap,
      h(
        'div',
        { class: 'buttons' },
        h('button', { type: 'submit', class: 'primary' }, t('openExport')),
        h('button', { type: 'button', onclick: closePasswordForm }, t('cancel')),
      ),
    ),
  );
  const upload = field(t('upload'), {
    name: `upload-${index}`,
    type: 'file',
    onchange: (e) => {
      const input = e.target as HTMLInputElement;
      const file = input.files?.[0];
      if (!file) return;
      void guard(async () => {
        try {
          if (file.type.startsWith('image/')) reportScan(await phone.scan(await imageFromFile(file)));
          else {
            // An authenticator app's export file (docs/formats.md); encrypted ones ask for the password.
            const bytes = new Uint8Array(await file.arrayBuffer());
            if (detectFormat(bytes).encrypted) {
              pendingExport = { name: file.name, bytes };
              passwordLegend.textContent = file.name;
              passwordForm.hidden = false;
            } else await importExport(bytes);
          }
        } catch (error) {
          fail(error);
        }
        input.value = '';
      }).then(() => {
        // Focused once the guard has enabled the field again.
        if (!passwordForm.hidden) exportPassword.input.focus();
      });
    },
  });
  const manualAccount = field(t('accountName'), { name: `manual-account-${index}`, value: '' });
  const manualKey = field(t('key'), { name: `manual-key-${index}`, autocomplete: 'off', spellcheck: 'false' });
  const manual = h(
    'details',
    { class: 'manual' },
    h('summary', {}, t('manual')),
    h(
      'form',
      {
        onsubmit: (e) => {
          e.preventDefault();
          if (el.getAttribute('aria-busy') === 'true') return;
          try {
            const result = phone.addManually({
              issuer: app.provider.issuer,
              account: manualAccount.input.value || app.site.username,
              secret: manualKey.input.value,
            });
            manualKey.input.value = '';
            reportScan({ ...result, kind: 'key-uri' });
          } catch (error) {
            fail(error);
          }
        },
      },
      manualAccount.wrap,
      manualKey.wrap,
      h('button', { type: 'submit' }, t('add')),
    ),
  );

  const el = h(
    'section',
    { class: 'panel phone', 'aria-label': name },
    h('div', { class: 'phone-head' }, h('h2', {}, name), h('span', {}, `${t('phoneTime')}: `, timeEl)),
    drift.wrap,
    list,
    h('p', { class: 'hint' }, t('swipeHint')),
    status.el,
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', class: 'primary', onclick: () => void guard(scanSite) }, t('scanSite')),
      webcamButton,
    ),
    video,
    upload.wrap,
    passwordForm,
    manual,
  );
  // One phone action at a time: a double click cannot scan or import the same thing twice.
  const guard = busyGuard(el);

  function row(a: AccountView): HTMLElement {
    const label = a.issuer ? `${a.issuer}: ${a.account}` : a.account;
    if (phone.toJSON().pendingDelete === a.id) {
      const warning = phone.requestDelete(a.id).warning;
      return h(
        'li',
        { class: 'account confirm' },
        h('p', {}, h('strong', {}, label)),
        h('p', {}, warning),
        h(
          'div',
          { class: 'buttons' },
          h(
            'button',
            { type: 'button', class: 'danger', onclick: () => (phone.confirmDelete(a.id), saveAndShow()) },
            t('confirmRemove'),
          ),
          h('button', { type: 'button', onclick: () => (phone.cancelDelete(), saveAndShow()) }, t('cancel')),
        ),
      );
    }
    if (renaming === a.id) {
      const issuer = field(t('issuerName'), { name: `rename-issuer-${index}`, value: a.issuer ?? '' });
      const account = field(t('accountName'), { name: `rename-account-${index}`, value: a.account });
      return h(
        'li',
        { class: 'account' },
        h(
          'form',
          {
            onsubmit: (e) => {
              e.preventDefault();
              try {
                phone.rename(a.id, { issuer: issuer.input.value.trim() || null, account: account.input.value });
                renaming = null;
                saveAndShow();
              } catch (error) {
                fail(error);
              }
            },
          },
          issuer.wrap,
          account.wrap,
          h(
            'div',
            { class: 'buttons' },
            h('button', { type: 'submit' }, t('save')),
            h('button', { type: 'button', onclick: () => ((renaming = null), saveAndShow()) }, t('cancel')),
          ),
        ),
      );
    }
    const code = h('span', { class: 'code', 'aria-live': 'off' });
    const ring = countdownRing(t('secondsLeft'));
    rows.set(a.id, { code, ring });
    const li = h(
      'li',
      { class: 'account', 'data-account': label },
      h('div', { class: 'account-main' }, h('span', { class: 'account-name' }, label), code),
      ring.el,
      h(
        'div',
        { class: 'row-buttons' },
        h('button', { type: 'button', onclick: () => hooks.typeCode(phone.get(a.id).code ?? '') }, t('typeCode')),
        h('button', { type: 'button', onclick: () => ((renaming = a.id), saveAndShow()) }, t('rename')),
        h('button', { type: 'button', onclick: () => (phone.requestDelete(a.id), saveAndShow()) }, t('remove')),
      ),
    );
    makeSwipeable(li, {
      left: () => (phone.requestDelete(a.id), saveAndShow()),
      right: () => ((renaming = a.id), saveAndShow()),
    });
    return li;
  }

  function update() {
    timeEl.textContent = clockText(phone.now(), app.lang);
    const accounts = phone.list();
    const sig = JSON.stringify([
      accounts.map((a) => [a.id, a.issuer, a.account]),
      phone.toJSON().pendingDelete,
      renaming,
    ]);
    if (sig !== signature) {
      signature = sig;
      rows.clear();
      list.replaceChildren(
        ...(accounts.length === 0 ? [h('li', { class: 'empty' }, t('noAccounts'))] : accounts.map(row)),
      );
    }
    for (const a of accounts) {
      const r = rows.get(a.id);
      if (!r) continue;
      r.code.textContent = a.code === null ? '—' : groupCode(a.code);
      if (a.secondsLeft !== null && a.period !== null) r.ring.set(a.secondsLeft, a.period);
    }
  }

  update();
  return { el, update, stop: stopWebcam };
}
