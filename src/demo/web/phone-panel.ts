/**
 * A virtual phone: its clock and drift, the accounts with their codes and countdown rings (see
 * phone-accounts.ts), and the ways in (see phone-inputs.ts): the site's QR code on screen, a
 * webcam, an uploaded picture or export file, or the key typed by hand.
 */
import { h } from 'preact';
import { useRef } from 'preact/hooks';
import {
  AUTHENTICATOR_APPS,
  createAuthenticator,
  type Authenticator,
  type AuthenticatorAppId,
  type ScanResult,
} from '../../index.js';
import { qrCamera } from '../../qr/index.js';
import type { DemoApp } from './app.js';
import { friendlyError } from './error-texts.js';
import { AccountList } from './phone-accounts.js';
import { ExportPasswordForm, ManualEntry, PhoneButtons, UploadField, usePendingExport } from './phone-inputs.js';
import type { SiteBridge } from './site-bridge.js';
import { clockText, Field, StatusLine, useBusyGuard, useStatus, useUid, type BusyGuard, type Status } from './ui.js';

/** What a phone's parts share. */
export interface PhoneKit {
  app: DemoApp;
  phone: Authenticator;
  index: number;
  name: string;
  status: Status;
  /** One phone action at a time: a double click cannot scan or import the same thing twice. */
  guard: BusyGuard;
  bridge: SiteBridge;
  /** Saves and redraws the page. */
  saveAndShow(): void;
  /** Shows a thrown error in the page's language. */
  fail(error: unknown): void;
  /** Says what a scan or import did, and saves. */
  reportScan(result: ScanResult): void;
}

/** Phone `index` of the page. */
export function PhonePanel(props: { app: DemoApp; index: number; bridge: SiteBridge; changed: () => void }) {
  const { app, index } = props;
  const t = app.t;
  const root = useRef<HTMLElement>(null);
  const kit = usePhoneKit(props, useStatus(), useBusyGuard(root));
  const pendingExport = usePendingExport();
  return h(
    'section',
    { class: 'panel phone', 'aria-label': kit.name, ref: root },
    h(
      'div',
      { class: 'phone-head' },
      h('h2', null, kit.name),
      h('span', null, `${t('phoneTime')}: `, h('span', { class: 'phone-time' }, clockText(kit.phone.now(), app.lang))),
    ),
    h(AppSelect, { kit }),
    h(DriftField, { kit }),
    h(AccountList, { kit }),
    h('p', { class: 'hint' }, t('swipeHint')),
    h(StatusLine, { status: kit.status, detailsLabel: t('details') }),
    h(PhoneButtons, { kit }),
    h(UploadField, { kit, pendingExport }),
    h(ExportPasswordForm, { kit, pendingExport }),
    h(ManualEntry, { kit, busy: () => root.current?.getAttribute('aria-busy') === 'true' }),
  );
}

function usePhoneKit(
  props: { app: DemoApp; index: number; bridge: SiteBridge; changed: () => void },
  status: Status,
  guard: BusyGuard,
): PhoneKit {
  const { app, index, changed } = props;
  const kit = useRef<PhoneKit | null>(null);
  kit.current ??= {
    app,
    // Read at each use: choosing another app puts a new phone in its place.
    get phone() {
      return app.phones[index]!;
    },
    index,
    name: `${app.t('phone')} ${'AB'[index]}`,
    status,
    guard,
    bridge: props.bridge,
    saveAndShow() {
      app.save();
      changed();
    },
    fail(error) {
      const f = friendlyError(error, app.lang);
      status.show(f.text, false, f.details);
    },
    reportScan(result) {
      const t = app.t;
      if (result.status === 'added') status.show(result.warning ?? t('added'), true);
      else if (result.status === 'duplicate') status.show(t('duplicate'), false);
      else if (result.status === 'imported') status.show(`${t('added')} (${result.added.length})`, true);
      else if (result.status === 'no-code') status.show(t('noCode'), false);
      else status.show(result.message, false);
      kit.current!.saveAndShow();
    },
  };
  return kit.current;
}

/** Which authenticator app the phone runs: the same phone (accounts, clock) in another app. */
function AppSelect({ kit }: { kit: PhoneKit }) {
  const { app, index } = kit;
  const id = useUid(`phone-app-${index}`);
  const choose = (e: Event) => {
    const chosen = (e.currentTarget as HTMLSelectElement).value as AuthenticatorAppId;
    app.phones[index] = createAuthenticator({
      clock: app.clock,
      camera: qrCamera,
      state: kit.phone.toJSON(),
      language: app.lang,
      app: chosen,
    });
    kit.saveAndShow();
  };
  return h(
    'div',
    { class: 'field phone-app' },
    h('label', { for: id }, app.t('phoneApp')),
    h(
      'select',
      { id, onChange: choose, title: kit.phone.app.description[app.lang] },
      Object.values(AUTHENTICATOR_APPS).map((a) =>
        h('option', { value: a.id, selected: a.id === kit.phone.app.id }, a.name[app.lang]),
      ),
    ),
  );
}

/** The phone's clock error in seconds; a bad value is said on the phone and the old one stays. */
function DriftField({ kit }: { kit: PhoneKit }) {
  const { phone, app } = kit;
  const onChange = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const seconds = input.value.trim() === '' ? NaN : Number(input.value);
    try {
      if (!Number.isFinite(seconds)) throw new RangeError(`not a number: ${input.value}`);
      phone.setDrift(Math.round(seconds * 1000));
    } catch (error) {
      kit.status.show(app.t('driftInvalid'), false, error instanceof Error ? error.message : String(error));
      input.value = String(phone.driftMs / 1000);
    }
    kit.saveAndShow();
  };
  return h(Field, {
    label: app.t('drift'),
    name: `drift-${kit.index}`,
    type: 'number',
    step: 15,
    defaultValue: String(phone.driftMs / 1000),
    onChange,
  });
}
