/**
 * The setup on the site ("Ügyfélkapu+ beállítása", or "Beállítás másik eszközre"): the QR code and
 * the first code, then the törlőkód, shown once, and Befejezés once its saving is ticked.
 */
import { h, type ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { drawQr } from '../../browser/index.js';
import type { SiteEnrollment } from './app.js';
import { codeFieldOf } from './site-bridge.js';
import type { SiteKit } from './site-kit.js';
import { valueOf } from './site-cards.js';
import { Field } from './ui.js';

/** The setup card: its QR step until the first code is accepted, then its törlőkód step. */
export function SetupCard({ kit, enrollment }: { kit: SiteKit; enrollment: SiteEnrollment }) {
  const t = kit.app.t;
  const title = enrollment.kind === 'enrollment' ? t('enrollTitle') : t('deviceChangeTitle');
  const cancel = h(
    'button',
    {
      type: 'button',
      onClick: () =>
        kit.run(async () => {
          try {
            kit.report(await kit.app.service.abandonEnrollment({ enrollmentId: enrollment.id }));
          } finally {
            kit.app.site.enrollment = null;
          }
        }),
    },
    t('cancel'),
  );
  return enrollment.deletionCode === null
    ? h(QrStep, { kit, enrollment, title, cancel })
    : h(DeletionCodeStep, { kit, enrollment, title, cancel, deletionCode: enrollment.deletionCode });
}

type StepProps = { kit: SiteKit; enrollment: SiteEnrollment; title: string; cancel: ComponentChildren };

function QrStep({ kit, enrollment: e, title, cancel }: StepProps) {
  const t = kit.app.t;
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    if (canvas.current) drawQr(canvas.current, e.keyUri, 5);
    kit.bridge.qrCanvas = canvas.current;
    return () => void (kit.bridge.qrCanvas = null);
  }, [e.keyUri]);
  const confirm = (ev: Event) => {
    ev.preventDefault();
    const code = valueOf(ev.currentTarget as HTMLFormElement, 'confirm-code');
    void kit.run(async () => {
      const result = await kit.judged(e.account, code, true, () =>
        kit.app.service.confirmEnrollment({ enrollmentId: e.id, code }),
      );
      if (result.ok && 'deletionCode' in result) e.deletionCode = result.deletionCode;
    });
  };
  const toggle = () => kit.run(async () => void (e.showSecret = !e.showSecret));
  return h(
    'form',
    { class: 'card enroll', 'aria-label': title, onSubmit: confirm },
    h('h3', null, title),
    h('canvas', { class: 'qr', role: 'img', 'aria-label': t('qrLabel'), width: 200, height: 200, ref: canvas }),
    h(
      'button',
      { type: 'button', class: 'link', 'aria-expanded': String(e.showSecret), onClick: toggle },
      t('cantScan'),
    ),
    e.showSecret
      ? h('p', { class: 'secret' }, `${t('secretKey')} `, h('code', { 'data-testid': 'secret-key' }, e.secretText))
      : null,
    h(Field, {
      label: t('confirmCode'),
      name: 'confirm-code',
      inputMode: 'numeric',
      autocomplete: 'one-time-code',
      maxLength: 8,
      inputRef: codeFieldOf(kit.bridge),
    }),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('next')), cancel),
  );
}

function DeletionCodeStep({ kit, enrollment: e, title, cancel, deletionCode }: StepProps & { deletionCode: string }) {
  const t = kit.app.t;
  // Befejezés only once the box is ticked, as on the real site.
  const [saved, setSaved] = useState(false);
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${deletionCode}\n`], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = t('deletionFileName');
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const finish = () =>
    kit.run(async () => {
      const result = await kit.app.service.finishEnrollment({ enrollmentId: e.id, deletionCodeSaved: saved });
      kit.report(result);
      if (result.ok) kit.app.site.enrollment = null;
    });
  return h(
    'div',
    { class: 'card enroll' },
    h('h3', null, title),
    h('p', { class: 'tick' }, '✓ ', t('deletionCodeShown')),
    h('p', { class: 'deletion-code', 'data-testid': 'deletion-code' }, deletionCode),
    h('button', { type: 'button', class: 'primary', onClick: download }, t('saveDeletionCode')),
    h(
      'div',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        id: 'deletion-saved',
        checked: saved,
        onChange: (ev) => setSaved(ev.currentTarget.checked),
      }),
      h('label', { for: 'deletion-saved' }, t('savedCheckbox')),
    ),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', class: 'primary', disabled: !saved, onClick: finish }, t('finish')),
      cancel,
    ),
  );
}
