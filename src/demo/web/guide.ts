/**
 * "Kezdje itt": the numbered steps of a first setup, the one to do now marked, and its button on
 * the page highlighted, worked out from what the site, the phone and the service show.
 */
import { h } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { DemoApp } from './app.js';
import { roomTextsFor } from './room-texts.js';
import type { TextKey } from './texts.js';

/** The steps in order; each names the text of the button it asks for. */
const STEPS: ReadonlyArray<{ say: TextKey; button: TextKey; scope: string }> = [
  { say: 'guide1', button: 'registerButton', scope: 'form.register' },
  { say: 'guide2', button: 'enrollButton', scope: 'form.login' },
  { say: 'guide3', button: 'scanSite', scope: 'section.phone' },
  { say: 'guide4', button: 'typeCode', scope: 'section.phone' },
  { say: 'guide5', button: 'saveDeletionCode', scope: '.card.enroll' },
  { say: 'guide6', button: 'finish', scope: '.card.enroll' },
  { say: 'guide7', button: 'loginButton', scope: 'form.login' },
];
/** Step 4 once the code is in the field: Tovább is next. */
const CONFIRM = { button: 'next', scope: 'form.enroll' } as const;

/** The guide; after every redraw it works out the current step again and rings its button. */
export function GuidePanel({ app, root }: { app: DemoApp; root: ParentNode }) {
  const t = app.t;
  const [now, setNow] = useState(-1);
  const [activeFrom, setActiveFrom] = useState<number | null>(null);
  // A code typed into a field moves the guide on too: checked at every redraw (once a second).
  useLayoutEffect(() => {
    void currentStep(app, root).then(({ step, activeFrom }) => {
      setNow(step);
      setActiveFrom(activeFrom);
      ring(app, root, step);
    });
  });
  // A participant in a room has no clock controls: the last step counts the wait down instead.
  const say = (key: TextKey) =>
    key === 'guide7' && app.room !== null && !app.room.trainer ? waitText(app, activeFrom) : t(key);
  return h(
    'section',
    { class: 'panel guide', 'aria-labelledby': 'guide-title' },
    h('h2', { id: 'guide-title' }, t('guideTitle')),
    h(
      'ol',
      null,
      STEPS.map((s, i) =>
        h(
          'li',
          { class: i < now ? 'done' : i === now ? 'now' : '', 'aria-current': i === now ? 'step' : undefined },
          say(s.say),
        ),
      ),
    ),
    h('p', { class: 'guide-done', hidden: now < STEPS.length }, t('guideDone')),
  );
}

/** "Várjon még 40 mp-et…", or that the wait is over. */
function waitText(app: DemoApp, activeFrom: number | null): string {
  const r = roomTextsFor(app.lang);
  const left = activeFrom === null ? 0 : Math.ceil((activeFrom - app.clock.now()) / 1000);
  return left > 0 ? r.waitActivation.replace('{s}', String(left)) : r.activeNow;
}

async function currentStep(app: DemoApp, root: ParentNode): Promise<{ step: number; activeFrom: number | null }> {
  const site = app.site;
  const onPhone = app.phones.slice(0, app.phoneCount).some((p) => p.list().length > 0);
  const at = (step: number, activeFrom: number | null = null) => ({ step, activeFrom });
  if (site.enrollment) {
    if (site.enrollment.deletionCode !== null)
      return at(root.querySelector<HTMLInputElement>('#deletion-saved')?.checked ? 5 : 4);
    return at(onPhone ? 3 : 2);
  }
  if (site.signedIn) return at(STEPS.length);
  const status = await app.service.known(site.username).catch(() => null);
  if (!status?.exists) return at(0);
  if (status.secondFactor === 'none') return at(1);
  return at(6, status.activeFrom ?? null);
}

/** Rings the button the current step asks for. */
function ring(app: DemoApp, root: ParentNode, now: number): void {
  for (const b of root.querySelectorAll('.next-action')) b.classList.remove('next-action');
  const typed = root.querySelector<HTMLInputElement>('form.enroll input[name="confirm-code"]')?.value;
  const step = now === 3 && typed ? CONFIRM : STEPS[now];
  if (!step) return;
  const button = [...root.querySelectorAll<HTMLButtonElement>(`${step.scope} button`)].find(
    (b) => b.textContent === app.t(step.button),
  );
  button?.classList.add('next-action');
}
