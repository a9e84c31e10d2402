/**
 * The ways into a phone: the site's QR code on screen, a webcam, an uploaded picture or an
 * authenticator app's export file (an encrypted one asks for its password in a page field), and
 * the key typed by hand.
 */
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { detectFormat } from '../../index.js';
import { imageFromCanvas, imageFromFile, startWebcam, type Webcam } from '../../browser/index.js';
import { friendlyError } from './error-texts.js';
import type { PhoneKit } from './phone-panel.js';
import { Field } from './ui.js';

/** An encrypted export waiting for its password: read once, never kept, logged or saved. */
export interface PendingExport {
  file: { name: string; bytes: Uint8Array } | null;
  set(file: { name: string; bytes: Uint8Array } | null): void;
}

export function usePendingExport(): PendingExport {
  const [file, set] = useState<PendingExport['file']>(null);
  return { file, set };
}

async function importExport(kit: PhoneKit, bytes: Uint8Array, password?: string): Promise<void> {
  const result = await kit.phone.importFile(bytes, password === undefined ? {} : { password });
  kit.reportScan({ ...result, status: 'imported', kind: 'migration' });
}

function addText(kit: PhoneKit, text: string): void {
  try {
    kit.reportScan(
      /^otpauth-migration:/i.test(text)
        ? { ...kit.phone.importMigration(text), status: 'imported', kind: 'migration' }
        : { ...kit.phone.addKeyUri(text), kind: 'key-uri' },
    );
  } catch (error) {
    kit.fail(error);
  }
}

/** "Kamera: a weboldal QR-kódja" and the webcam (with its picture while it runs). */
export function PhoneButtons({ kit }: { kit: PhoneKit }) {
  const t = kit.app.t;
  const video = useRef<HTMLVideoElement>(null);
  const webcam = useRef<Webcam | null>(null);
  // A second click while the camera is starting would open it twice.
  const starting = useRef(false);
  const [on, setOn] = useState(false);
  const stop = () => {
    webcam.current?.stop();
    webcam.current = null;
    setOn(false);
  };
  useEffect(() => () => webcam.current?.stop(), []);
  const scanSite = async () => {
    const canvas = kit.bridge.qrCanvas;
    if (!canvas) return kit.status.show(t('noCode'), false);
    kit.reportScan(await kit.phone.scan(imageFromCanvas(canvas)));
  };
  const toggleWebcam = async () => {
    if (starting.current) return;
    if (webcam.current) return stop();
    starting.current = true;
    setOn(true);
    try {
      webcam.current = await startWebcam(video.current!, { onCode: (text) => (stop(), addText(kit, text)) });
    } catch (error) {
      stop();
      const f = friendlyError(error, kit.app.lang, 'camera');
      kit.status.show(`${t('webcamError')} ${f.text}`, false, f.details);
    } finally {
      starting.current = false;
    }
  };
  return [
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', class: 'primary', onClick: () => void kit.guard(scanSite) }, t('scanSite')),
      h(
        'button',
        { type: 'button', 'aria-pressed': String(on), onClick: () => void toggleWebcam() },
        on ? t('stopWebcam') : t('webcam'),
      ),
    ),
    h('video', { class: 'webcam', hidden: !on, 'aria-label': t('webcam'), ref: video }),
  ];
}

/** A picture (scanned) or an export file (imported; an encrypted one asks for its password). */
export function UploadField({ kit, pendingExport }: { kit: PhoneKit; pendingExport: PendingExport }) {
  const onChange = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    let opened = false;
    void kit
      .guard(async () => {
        try {
          if (file.type.startsWith('image/')) kit.reportScan(await kit.phone.scan(await imageFromFile(file)));
          else {
            // An authenticator app's export file (docs/formats.md); encrypted ones ask for the password.
            const bytes = new Uint8Array(await file.arrayBuffer());
            if (detectFormat(bytes).encrypted) {
              pendingExport.set({ name: file.name, bytes });
              opened = true;
            } else await importExport(kit, bytes);
          }
        } catch (error) {
          kit.fail(error);
        }
        input.value = '';
      })
      .then(() => {
        // Focused once the guard has enabled the field again (and the form is drawn).
        if (opened)
          setTimeout(() =>
            input.closest('section')?.querySelector<HTMLInputElement>('form.export-password input')?.focus(),
          );
      });
  };
  return h(Field, { label: kit.app.t('upload'), name: `upload-${kit.index}`, type: 'file', onChange });
}

/** The password of an encrypted export; a wrong one leaves the form open with the field emptied. */
export function ExportPasswordForm({ kit, pendingExport }: { kit: PhoneKit; pendingExport: PendingExport }) {
  const t = kit.app.t;
  const field = useRef<HTMLInputElement>(null);
  const close = () => {
    if (field.current) field.current.value = '';
    pendingExport.set(null);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    void kit.guard(async () => {
      const pending = pendingExport.file;
      const password = field.current?.value ?? '';
      if (field.current) field.current.value = '';
      if (!pending) return;
      try {
        await importExport(kit, pending.bytes, password);
        close();
      } catch (error) {
        // A wrong password: the file stays open for another try; the field is empty again.
        kit.fail(error);
      }
    });
  };
  return h(
    'form',
    { class: 'export-password', hidden: pendingExport.file === null, onSubmit: submit },
    h(
      'fieldset',
      null,
      h('legend', null, pendingExport.file?.name ?? ''),
      h(Field, {
        label: t('exportPassword'),
        name: `export-password-${kit.index}`,
        type: 'password',
        autocomplete: 'off',
        inputRef: field,
      }),
      h(
        'div',
        { class: 'buttons' },
        h('button', { type: 'submit', class: 'primary' }, t('openExport')),
        h('button', { type: 'button', onClick: close }, t('cancel')),
      ),
    ),
  );
}

/** "Kulcs kézi megadása": the account name and the key, as an app's manual entry asks. */
export function ManualEntry({ kit, busy }: { kit: PhoneKit; busy: () => boolean }) {
  const t = kit.app.t;
  const submit = (e: Event) => {
    e.preventDefault();
    if (busy()) return;
    const form = e.currentTarget as HTMLFormElement;
    const account = form.elements.namedItem(`manual-account-${kit.index}`) as HTMLInputElement;
    const key = form.elements.namedItem(`manual-key-${kit.index}`) as HTMLInputElement;
    try {
      const result = kit.phone.addManually({
        issuer: kit.app.provider.issuer,
        account: account.value || kit.app.site.username,
        secret: key.value,
      });
      key.value = '';
      kit.reportScan({ ...result, kind: 'key-uri' });
    } catch (error) {
      kit.fail(error);
    }
  };
  return h(
    'details',
    { class: 'manual' },
    h('summary', null, t('manual')),
    h(
      'form',
      { onSubmit: submit },
      h(Field, { label: t('accountName'), name: `manual-account-${kit.index}`, defaultValue: '' }),
      h(Field, { label: t('key'), name: `manual-key-${kit.index}`, autocomplete: 'off', spellcheck: false }),
      h('button', { type: 'submit' }, t('add')),
    ),
  );
}
